#pragma once
// The entry points of the `lngeom` binary: one function per sub-command, each taking the
// arguments after the sub-command's name and returning the process exit code.

namespace lngeom::app {

// `lngeom stats FILE ...`: per-site statistics; needs no display.
int run_stats_command(int argc, char* argv[]);

// `lngeom [FILE ...]`: the desktop application.
int run_gui(int argc, char* argv[]);

}  // namespace lngeom::app
