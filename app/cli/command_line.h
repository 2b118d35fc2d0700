#pragma once
// What the display-free sub-commands share when they read their arguments and report errors.

#include <functional>
#include <string>
#include <string_view>

namespace lngeom::app {

// A command-line mistake: reported with the usage hint and exit status 2.
struct UsageError {
    std::string message;
};

// `text` as a whole number in [low, high]; UsageError naming `option` otherwise.
long whole_number(std::string_view option, std::string_view text, long low, long high);

// `text` as a finite number; UsageError naming `option` otherwise.
double real_number(std::string_view option, std::string_view text);

// Runs a sub-command's body and turns what it throws into one line on stderr, prefixed with
// "lngeom <command>:", and an exit status: 2 for a usage mistake (with the --help hint) or no
// display, 1 for any other error.
int run_reporting_errors(const char* command, const std::function<int()>& body);

// Error messages may carry an HDF5 error stack over several lines; commands print one.
std::string one_line(std::string message);

}  // namespace lngeom::app
