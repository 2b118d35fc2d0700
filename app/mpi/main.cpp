// lngeom-mpi: `lngeom stats` over several processes and machines. A companion of lngeom rather
// than a mode of it, so that the desktop binary never loads Open MPI (see README, "Clusters").
#include <cstdio>
#include <string_view>

#include "app/cli/command_line.h"
#include "app/cli/stats_arguments.h"
#include "app/mpi/mpi_session.h"
#include "app/mpi/mpi_stats.h"

namespace {

constexpr const char* kUsage = R"(Usage: mpirun -np N lngeom-mpi stats FILE [options]

`lngeom stats` over N processes: every rank reads its share of every site's rows (shard
RANK of N, split at the dataset's chunks), and the mergeable states meet at rank 0, which prints
the report (or writes it, or the merged state). The report is the one `lngeom stats FILE`
gives: counts, min, max exactly; means and standard deviations within 1e-12; percentiles exact
up to 8192 valid tokens per site and within 0.4 % beyond. If a rank fails, rank 0 names it and
the reason, writes nothing and exits with status 1. Rank 0 first validates the file in
lngeom-probe, a process of its own, as `lngeom stats` does: a file on which libhdf5 crashes or
hangs ends the job with one line naming it and status 1, before any rank reads it.

Options (as for lngeom stats):
  --dataset PATH        the dataset to open in a generic (non-lngeom) HDF5 file
  --format FORMAT       table (default), csv or json
  --output OUT          write to OUT (atomically) instead of standard output
  --memory-budget MB    memory of each rank (default 512)
  --threads N           threads of each rank (default: all cores; give cores per rank)
  --validation-timeout S  seconds libhdf5 may take to validate the file (default 30)
  --state OUT           write the merged state instead of a report (see lngeom merge)
  --help                show this help
)";

int run(int argc, char* argv[], const lngeom::mpi::MpiSession& mpi) {
    const std::string_view command = argc > 1 ? argv[1] : "";
    if (command == "--version") {
        if (mpi.rank() == 0) std::printf("lngeom-mpi %s\n", LNGEOM_VERSION);
        return 0;
    }
    if (command != "stats") {
        if (mpi.rank() == 0) std::fputs(kUsage, command == "--help" ? stdout : stderr);
        return command == "--help" ? 0 : 2;
    }
    lngeom::app::StatsArguments arguments;
    try {
        arguments = lngeom::app::parse_stats_arguments(argc - 1, argv + 1);
        if (arguments.shard.count > 1)
            throw lngeom::app::UsageError{
                "--shard is for lngeom stats: here the ranks are the "
                "shards"};
    } catch (const lngeom::app::UsageError& error) {
        if (mpi.rank() == 0)
            std::fprintf(stderr, "lngeom-mpi stats: %s (see lngeom-mpi --help)\n",
                         error.message.c_str());
        return 2;
    }
    if (arguments.help) {
        if (mpi.rank() == 0) std::fputs(kUsage, stdout);
        return 0;
    }
    return lngeom::mpi::run_mpi_stats(arguments, mpi);
}

}  // namespace

int main(int argc, char* argv[]) {
    lngeom::mpi::MpiSession mpi(argc, argv);
    return run(argc, argv, mpi);
}
