#include <cstdio>
#include <string_view>

#include "app/cli/commands.h"

namespace {

constexpr const char* kUsage =
    R"(lngeom - the geometry of layer normalization in real model activations

Usage:
  lngeom [FILE ...]            open dumps in the desktop app (no FILE: the bundled samples)
  lngeom --session S.json      restore a session saved with File > Save Session
  lngeom --theme THEME         system, light or dark colours (remembered)
  lngeom --screenshot PNG      open the window, save it as a PNG once drawn, and quit
         [--window-size WxH]   (default: as last left; first start: most of the screen)
  lngeom --validation-timeout S   seconds each file may take to validate (default 30)
  lngeom stats FILE [options]  per-site statistics as a table, CSV or JSON (no display needed)
         [--shard K/N --state OUT]   or the mergeable state of a shard of its rows
  lngeom merge STATE... [options]    the statistics of a dump from the states of its shards
  lngeom export FILE --view V --out FIG.{png,svg,pdf}   one figure (or its data), as in the app
  lngeom export --recipe FIG.png.recipe.json            draw a figure again from its recipe
  lngeom figures FILE --out DIR                          the paper's full figure set and tables
  lngeom --help | --version

Run `lngeom stats --help` (or export, figures) for the options of a command.
)";

}  // namespace

int main(int argc, char* argv[]) {
    const std::string_view first = argc > 1 ? argv[1] : "";
    if (first == "--help" || first == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (first == "--version") {
        std::printf("lngeom %s\n", LNGEOM_VERSION);
        return 0;
    }
    if (first == "stats") return lngeom::app::run_stats_command(argc - 1, argv + 1);
    if (first == "merge") return lngeom::app::run_merge_command(argc - 1, argv + 1);
    if (first == "export") return lngeom::app::run_export_command(argc - 1, argv + 1);
    if (first == "figures") return lngeom::app::run_figures_command(argc - 1, argv + 1);
    return lngeom::app::run_gui(argc, argv);
}
