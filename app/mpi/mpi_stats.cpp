#include "app/mpi/mpi_stats.h"

#include <cstdio>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/command_line.h"
#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/isolation/contained_open.h"
#include "core/reports/dump_findings.h"
#include "core/state/state_file.h"

namespace lngeom::mpi {

namespace {

// What travels up the tree from a rank: the merged state of the ranks below it, or every
// failure among them (one line each, naming the rank).
struct Contribution {
    std::optional<DumpState> state;
    std::vector<std::string> failures;
};

std::string rank_name(int rank, const MpiSession& mpi) {
    return "rank " + std::to_string(rank) + " of " + std::to_string(mpi.size());
}

std::string failure_text(const std::exception& error) {
    if (dynamic_cast<const std::bad_alloc*>(&error)) return "out of memory (std::bad_alloc)";
    return app::one_line(error.what());
}

Contribution own_contribution(const app::StatsArguments& arguments, const MpiSession& mpi) {
    try {
        const Dump dump = Dump::open(arguments.file, arguments.dataset);
        PassOptions options = app::pass_options(arguments);
        options.shard = {mpi.rank(), mpi.size()};
        return {
            dump_state(dump, arguments.dataset, options.shard, run_statistics_pass(dump, options)),
            {}};
    } catch (const std::exception& error) {
        return {std::nullopt, {rank_name(mpi.rank(), mpi) + ": " + failure_text(error)}};
    }
}

std::string encode(const Contribution& contribution) {
    StateWriter out;
    out.number<std::uint8_t>(contribution.state.has_value());
    if (contribution.state) {
        out.text(state_bytes(*contribution.state));
        return out.take();
    }
    out.number<std::uint64_t>(contribution.failures.size());
    for (const std::string& failure : contribution.failures) out.text(failure);
    return out.take();
}

Contribution decode(const std::string& bytes, const std::string& source) {
    StateReader in(bytes, source);
    if (in.number<std::uint8_t>() != 0) return {parse_state(in.text(), source), {}};
    Contribution contribution;
    const auto count = in.number<std::uint64_t>();
    for (std::uint64_t i = 0; i < count && !in.at_end(); ++i)
        contribution.failures.push_back(in.text());
    return contribution;
}

// Folds the contribution of `from` into this rank's; any failure on either side wins.
void fold(Contribution& own, Contribution other, int from, const MpiSession& mpi) {
    own.failures.insert(own.failures.end(), other.failures.begin(), other.failures.end());
    if (own.state && other.state) {
        try {
            merge_dump_state(*own.state, rank_name(mpi.rank(), mpi), *other.state,
                             rank_name(from, mpi));
        } catch (const std::exception& error) {
            own.failures.push_back(rank_name(mpi.rank(), mpi) + ": " + failure_text(error));
        }
    }
    if (!own.failures.empty()) own.state.reset();
}

// The binomial tree: at step s, ranks that are odd multiples of s send to rank − s and stop;
// the others receive from rank + s. Rank 0 ends with everything.
Contribution reduce_to_root(Contribution own, const MpiSession& mpi) {
    for (int step = 1; step < mpi.size(); step *= 2) {
        if (mpi.rank() % (2 * step) == step) {
            mpi.send(mpi.rank() - step, encode(own));
            return {};
        }
        const int from = mpi.rank() + step;
        if (from >= mpi.size()) continue;
        try {
            fold(own, decode(mpi.receive(from), rank_name(from, mpi)), from, mpi);
        } catch (const std::exception& error) {
            fold(own, {std::nullopt, {rank_name(from, mpi) + ": " + failure_text(error)}}, from,
                 mpi);
        }
    }
    return own;
}

int finish_at_root(const app::StatsArguments& arguments, const Contribution& all) {
    for (const std::string& failure : all.failures)
        std::fprintf(stderr, "lngeom-mpi stats: %s\n", failure.c_str());
    if (!all.failures.empty()) {
        std::fprintf(stderr, "lngeom-mpi stats: %zu rank(s) failed; nothing was written\n",
                     all.failures.size());
        return 1;
    }
    try {
        if (!arguments.state.empty()) {
            write_state_file(arguments.state, *all.state);
            return 0;
        }
        const Dump dump = Dump::open(arguments.file, arguments.dataset);
        return app::write_report(report_of_states(arguments.format, &dump, all.state->info,
                                                  all.state->sites, arguments.massive),
                                 arguments.output);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "lngeom-mpi stats: rank 0: %s\n", failure_text(error).c_str());
        return 1;
    }
}

// Before any rank opens the file, rank 0 has lngeom-probe validate it as `lngeom stats` does
// (core/isolation/contained_open.h), within --validation-timeout, and tells every rank the
// verdict: a file on which libhdf5 crashes or hangs would otherwise kill ranks with a signal or
// stall the tree for ever. One probe for the job, since every rank reads the same file. Empty
// when the file passed, else the one-line message ("FILE: OBJECT: reason").
std::string validation_failure(const app::StatsArguments& arguments, const MpiSession& mpi) {
    std::string failure;
    if (mpi.rank() == 0) {
        ContainmentOptions containment;
        containment.timeout = std::chrono::seconds(arguments.validation_timeout_s);
        try {
            validate_in_child(arguments.file, arguments.dataset, containment);
        } catch (const std::exception& error) {
            failure = failure_text(error);
        }
    }
    return mpi.broadcast_text(failure);
}

}  // namespace

int run_mpi_stats(const app::StatsArguments& arguments, const MpiSession& mpi) {
    if (const std::string failure = validation_failure(arguments, mpi); !failure.empty()) {
        if (mpi.rank() != 0) return 0;
        std::fprintf(stderr, "lngeom-mpi stats: %s\n", failure.c_str());
        return 1;
    }
    Contribution all = reduce_to_root(own_contribution(arguments, mpi), mpi);
    return mpi.rank() == 0 ? finish_at_root(arguments, all) : 0;
}

}  // namespace lngeom::mpi
