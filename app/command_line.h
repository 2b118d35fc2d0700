#pragma once
// What the display-free sub-commands share when they read their arguments and report errors.

#include <string>
#include <string_view>

namespace lngeom::app {

// A command-line mistake: reported with the usage hint and exit status 2.
struct UsageError {
    std::string message;
};

// `text` as a whole number in [low, high]; UsageError naming `option` otherwise.
long whole_number(std::string_view option, std::string_view text, long low, long high);

// Error messages may carry an HDF5 error stack over several lines; commands print one.
std::string one_line(std::string message);

}  // namespace lngeom::app
