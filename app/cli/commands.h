#pragma once
// The entry points of the `lngeom` binary: one function per sub-command, each taking the
// arguments after the sub-command's name and returning the process exit code.

namespace lngeom::app {

// `lngeom stats FILE ...`: per-site statistics; needs no display.
int run_stats_command(int argc, char* argv[]);

// `lngeom merge STATE...`: the report (or merged state) of the states of a dump's shards.
int run_merge_command(int argc, char* argv[]);

// `lngeom export ...`: one figure, a recipe's figure, or a dump's data; starts a private Xvfb
// when there is no display.
int run_export_command(int argc, char* argv[]);

// `lngeom figures FILE --out DIR`: the paper's figure set and tables for one dump.
int run_figures_command(int argc, char* argv[]);

// `lngeom [FILE ...]`: the desktop application.
int run_gui(int argc, char* argv[]);

}  // namespace lngeom::app
