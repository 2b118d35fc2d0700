#include "core/metrics/metrics_pass.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <thread>

#include "core/errors.h"
#include "core/metrics/metrics.h"
#include "core/metrics/pass_budget.h"
#include "core/metrics/token_metrics.h"

namespace lngeom {

namespace {

constexpr std::size_t kMaxBlockBytes = std::size_t(1) << 20;

// One thread's block of rows, read and then computed by that same thread while it is still in
// the core's cache.
struct Slot {
    SiteIndex site = 0;
    RowBlock input;
    RowBlock output;
};

// Where the next block starts.
struct Cursor {
    SiteIndex site = 0;
    Index first = 0;
};

// One computing thread's running totals for one site; merged when the site completes.
struct Tally {
    std::vector<Moments> moments;
    Index non_finite = 0, zero = 0, constant = 0, invalid = 0, invalid_output = 0;

    void count(std::uint8_t flags) {
        non_finite += (flags & kNonFinite) != 0;
        zero += (flags & kZeroVector) != 0;
        constant += (flags & kConstant) != 0;
        invalid += (flags & kInputInvalidMask) != 0;
        invalid_output += (flags & kOutputInvalid) != 0;
    }

    void merge(const Tally& other) {
        for (size_t m = 0; m < moments.size(); ++m) moments[m].merge(other.moments[m]);
        non_finite += other.non_finite;
        zero += other.zero;
        constant += other.constant;
        invalid += other.invalid;
        invalid_output += other.invalid_output;
    }
};

struct SiteState {
    SiteColumns columns;
    std::vector<Tally> tallies;  // one per computing thread
    std::atomic<Index> remaining{0};
};

struct Scratch {
    Slot slot;
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
};

// Every thread loops: take the read lock, read the next block, release the lock, compute the
// block. HDF5 serializes reads anyway; this way one thread reads while the others compute, and
// each block is computed by the core that just read it, while it is in that core's cache.
class MetricsPass {
  public:
    MetricsPass(const Dump& dump, const PassOptions& options, const SiteSink& sink)
        : dump_(dump),
          options_(options),
          sink_(sink),
          n_threads_(std::max(options.threads, 1)),
          block_bytes_(pass_block_bytes(options)),
          scratch_(size_t(n_threads_)),
          summaries_(dump.info().sites.size()) {
        for (const SiteInfo& site : dump.info().sites) rows_total_ += site.n_tokens;
        for (SiteIndex site = 0; site < summaries_.size(); ++site)
            sites_.push_back(std::make_unique<SiteState>());
    }

    std::vector<SiteSummary> run() {
        std::vector<std::thread> helpers;
        for (int worker = 1; worker < n_threads_; ++worker)
            helpers.emplace_back([this, worker] { work(worker); });
        work(0);
        for (std::thread& helper : helpers) helper.join();
        if (error_) std::rethrow_exception(error_);
        if (cancelled())
            throw CancelledError(dump_.info().path, "",
                                 "the metrics pass was cancelled after " +
                                     std::to_string(rows_done_.load()) + " of " +
                                     std::to_string(rows_total_) + " rows");
        return std::move(summaries_);
    }

  private:
    bool cancelled() const { return options_.cancel && options_.cancel->load(); }
    bool stopped() const { return failed_.load() || cancelled(); }

    void fail(std::exception_ptr error) {
        std::lock_guard lock(finish_mutex_);
        if (!error_) error_ = error;
        failed_ = true;
    }

    void work(int worker) {
        try {
            Scratch& scratch = scratch_[size_t(worker)];
            while (read_next_block(scratch.slot)) compute(scratch, worker);
        } catch (...) {
            fail(std::current_exception());
        }
    }

    // False when every block has been taken or the pass stopped.
    bool read_next_block(Slot& slot) {
        std::lock_guard lock(read_mutex_);
        while (!stopped() && cursor_.site < sites_.size()) {
            const SiteInfo& info = dump_.info().sites[cursor_.site];
            if (cursor_.first == 0) begin_site(cursor_.site);
            if (cursor_.first >= info.n_tokens) {
                cursor_ = {cursor_.site + 1, 0};
                continue;
            }
            const Index count = std::min(dump_.block_rows(cursor_.site, block_bytes_),
                                         info.n_tokens - cursor_.first);
            slot.site = cursor_.site;
            dump_.read_rows(slot.site, Stream::Input, cursor_.first, count, slot.input);
            if (info.has_output)
                dump_.read_rows(slot.site, Stream::Output, cursor_.first, count, slot.output);
            cursor_.first += count;
            return true;
        }
        return false;
    }

    void begin_site(SiteIndex site) {
        const SiteInfo& info = dump_.info().sites[site];
        SiteState& state = *sites_[site];
        const int n_metrics = metric_count(info.has_output);
        state.columns.values.resize(info.n_tokens, n_metrics);
        state.columns.flags.assign(size_t(info.n_tokens), 0);
        state.tallies.assign(size_t(n_threads_), Tally{std::vector<Moments>(size_t(n_metrics))});
        state.remaining = info.n_tokens;
        if (info.n_tokens == 0) finish_site(site);
    }

    void compute(Scratch& scratch, int worker) {
        const Slot& slot = scratch.slot;
        const SiteInfo& info = dump_.info().sites[slot.site];
        SiteState& state = *sites_[slot.site];
        token_metrics(slot.input, info.has_output ? &slot.output : nullptr, info.eps,
                      scratch.values, scratch.flags);
        tally_block(scratch, state.tallies[size_t(worker)]);
        const Index first = slot.input.first_row, n = scratch.values.rows();
        state.columns.values.middleRows(first, n) = scratch.values.cast<float>();
        std::copy(scratch.flags.begin(), scratch.flags.end(), state.columns.flags.begin() + first);
        const Index done = rows_done_ += n;
        if (options_.progress) options_.progress(done, rows_total_);
        if (state.remaining.fetch_sub(n) == n) finish_site(slot.site);
    }

    // Moments accumulate the double values, before they are stored as float.
    static void tally_block(const Scratch& scratch, Tally& tally) {
        for (Index row = 0; row < scratch.values.rows(); ++row) {
            tally.count(scratch.flags[size_t(row)]);
            for (Index m = 0; m < scratch.values.cols(); ++m)
                tally.moments[size_t(m)].add(scratch.values(row, m));
        }
    }

    void finish_site(SiteIndex site) {
        SiteState& state = *sites_[site];
        Tally total = state.tallies.front();
        for (size_t worker = 1; worker < state.tallies.size(); ++worker)
            total.merge(state.tallies[worker]);
        SiteSummary summary{dump_.info().sites[site].n_tokens,
                            total.invalid,
                            total.non_finite,
                            total.zero,
                            total.constant,
                            total.invalid_output,
                            {}};
        const Eigen::MatrixXf& values = state.columns.values;
        for (Index m = 0; m < values.cols(); ++m)
            summary.metrics.push_back(
                summarize(total.moments[size_t(m)],
                          std::span<const float>(values.col(m).data(), size_t(values.rows()))));
        std::lock_guard lock(finish_mutex_);
        summaries_[site] = std::move(summary);
        if (sink_) sink_(site, summaries_[site], std::move(state.columns));
        state.columns = SiteColumns{};
    }

    const Dump& dump_;
    const PassOptions& options_;
    const SiteSink& sink_;
    const int n_threads_;
    const std::size_t block_bytes_;
    std::vector<Scratch> scratch_;
    std::vector<SiteSummary> summaries_;
    std::vector<std::unique_ptr<SiteState>> sites_;
    std::mutex read_mutex_;  // one reader at a time; guards cursor_
    Cursor cursor_;
    std::atomic<Index> rows_done_{0};
    Index rows_total_ = 0;
    std::atomic<bool> failed_{false};
    std::mutex finish_mutex_;  // serializes the sink and the first error
    std::exception_ptr error_;
};

}  // namespace

std::size_t pass_block_bytes(const PassOptions& options) {
    // Half the budget for blocks (the rest for columns), split over every thread's two streams;
    // at most kMaxBlockBytes so a block is still in cache when its thread computes it.
    const std::size_t threads = std::size_t(std::max(options.threads, 1));
    const std::size_t share = options.memory_budget_bytes / 2 / (threads * 2);
    return std::clamp<std::size_t>(share, std::size_t(64) << 10, kMaxBlockBytes);
}

std::vector<SiteSummary> run_metrics_pass(const Dump& dump, const PassOptions& options,
                                          const SiteSink& sink) {
    require_pass_within_budget(dump, options);
    return MetricsPass(dump, options, sink).run();
}

}  // namespace lngeom
