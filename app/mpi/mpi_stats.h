#pragma once
// `mpirun -np N lngeom-mpi stats FILE ...`: rank 0 first validates the file in lngeom-probe, as
// `lngeom stats` does, and every rank stops when it is refused; then every rank runs the statistics
// pass over its shard of every site's rows (shard = rank of N, reading its hyperslabs
// independently), and the states merge up a binomial tree to rank 0 (log2 N steps, one state per
// message), which writes the report or the merged state. A rank that fails sends its message up the
// tree instead of a state; rank 0 then prints every failure with its rank and exits non-zero
// without writing.

#include "app/cli/stats_arguments.h"
#include "app/mpi/mpi_session.h"

namespace lngeom::mpi {

// The exit status of this rank: rank 0's tells the job's outcome, the others return 0.
int run_mpi_stats(const app::StatsArguments& arguments, const MpiSession& mpi);

}  // namespace lngeom::mpi
