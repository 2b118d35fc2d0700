#pragma once
// The one argument reader of the sub-commands (stats, merge, export, figures): each command
// declares its options and what each does with its value; the reader knows the syntax they share.
//   --name VALUE, --name=VALUE, -n VALUE     an option with a value (the value may start with '-')
//   --flag, -f                               an option without a value
//   -h, --help                               every command's help
//   --                                       everything after it is a FILE, even "-x"
//   FILE                                     at most one, unless the command takes several
// Mistakes throw UsageError with the words the user typed: "unknown option '-x'",
// "--format needs a value", "one FILE only, got 'a' and 'b'".

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lngeom::app {

struct CommandOption {
    std::string_view name;  // the long form, with its dashes: "--output"
    char short_name = 0;    // the one-letter form without its dash ('o' for -o); 0: none
    // Called with the option's value; options without a value get an empty one.
    std::function<void(std::string_view value)> apply;
    bool takes_value = true;
};

struct ParsedArguments {
    std::string file;                // the first FILE; empty: none given
    std::vector<std::string> files;  // every FILE, in order
    bool help = false;
};

enum class FileCount { One, Several };

// Reads argv[1..argc) (argv[0] is the sub-command's name) against `options`, calling each
// option's `apply` in the order given.
ParsedArguments parse_command_arguments(int argc, const char* const argv[],
                                        const std::vector<CommandOption>& options,
                                        FileCount files = FileCount::One);

}  // namespace lngeom::app
