#include "app/cli/argument_parser.h"

#include <algorithm>

#include "app/cli/command_line.h"

namespace lngeom::app {
namespace {

const CommandOption* find_option(const std::vector<CommandOption>& options,
                                 std::string_view written) {
    const auto named = [written](const CommandOption& option) {
        if (written.starts_with("--")) return option.name == written;
        return option.short_name != 0 && written.size() == 2 && written[1] == option.short_name;
    };
    const auto found = std::find_if(options.begin(), options.end(), named);
    return found == options.end() ? nullptr : &*found;
}

bool is_option(std::string_view argument) { return argument.size() > 1 && argument.front() == '-'; }

class ArgumentReader {
  public:
    ArgumentReader(int argc, const char* const argv[], const std::vector<CommandOption>& options,
                   FileCount files)
        : argc_(argc), argv_(argv), options_(options), files_(files) {}

    ParsedArguments read() {
        bool only_files = false;
        for (index_ = 1; index_ < argc_; ++index_) {
            const std::string_view argument = argv_[index_];
            if (only_files || !is_option(argument))
                add_file(argument);
            else if (argument == "--")
                only_files = true;
            else if (argument == "--help" || argument == "-h")
                parsed_.help = true;
            else
                apply(argument);
        }
        return parsed_;
    }

  private:
    void add_file(std::string_view file) {
        if (files_ == FileCount::One && !parsed_.file.empty())
            throw UsageError{"one FILE only, got '" + parsed_.file + "' and '" + std::string(file) +
                             "'"};
        if (parsed_.file.empty()) parsed_.file = file;
        parsed_.files.emplace_back(file);
    }

    // "--name=value" carries its value; otherwise a valued option takes the next argument.
    void apply(std::string_view argument) {
        const std::size_t equals = argument.starts_with("--") ? argument.find('=') : argument.npos;
        const std::string_view written = argument.substr(0, equals);
        const CommandOption* option = find_option(options_, written);
        if (!option) throw UsageError{"unknown option '" + std::string(written) + "'"};
        if (!option->takes_value) {
            if (equals != argument.npos) throw UsageError{std::string(written) + " takes no value"};
            return option->apply({});
        }
        if (equals != argument.npos) return option->apply(argument.substr(equals + 1));
        if (index_ + 1 >= argc_) throw UsageError{std::string(written) + " needs a value"};
        option->apply(argv_[++index_]);
    }

    int argc_;
    const char* const* argv_;
    const std::vector<CommandOption>& options_;
    FileCount files_;
    int index_ = 1;
    ParsedArguments parsed_;
};

}  // namespace

ParsedArguments parse_command_arguments(int argc, const char* const argv[],
                                        const std::vector<CommandOption>& options,
                                        FileCount files) {
    return ArgumentReader(argc, argv, options, files).read();
}

}  // namespace lngeom::app
