#include "app/cli/command_line.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>

#include "app/cli/private_display.h"

namespace lngeom::app {

int run_reporting_errors(const char* command, const std::function<int()>& body) {
    try {
        return body();
    } catch (const UsageError& error) {
        std::fprintf(stderr, "lngeom %s: %s (see lngeom %s --help)\n", command,
                     error.message.c_str(), command);
        return 2;
    } catch (const DisplayError& error) {
        std::fprintf(stderr, "lngeom %s: %s\n", command, error.what());
        return 2;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "lngeom %s: %s\n", command, one_line(error.what()).c_str());
        return 1;
    }
}

long whole_number(std::string_view option, std::string_view text, long low, long high) {
    long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < low || value > high)
        throw UsageError{std::string(option) + " needs a whole number from " + std::to_string(low) +
                         " to " + std::to_string(high) + ", not '" + std::string(text) + "'"};
    return value;
}

double real_number(std::string_view option, std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw UsageError{std::string(option) + " needs a number, not '" + std::string(text) + "'"};
    return value;
}

std::string one_line(std::string message) {
    std::replace(message.begin(), message.end(), '\n', ' ');
    return message;
}

}  // namespace lngeom::app
