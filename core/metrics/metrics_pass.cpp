#include "core/metrics/metrics_pass.h"

#include <algorithm>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/analysis/magnitude_scan.h"
#include "core/errors.h"
#include "core/metrics/metrics.h"
#include "core/metrics/pass_budget.h"
#include "core/metrics/scanned_rows.h"
#include "core/metrics/token_metrics.h"
#include "core/state/site_state.h"

namespace lngeom {

namespace {

constexpr std::size_t kMaxBlockBytes = std::size_t(1) << 20;

// One thread's block of rows, read and then computed by that same thread while it is still in
// the core's cache.
struct Slot {
    SiteIndex site = 0;
    RowBlock input;
    RowBlock output;
    std::vector<std::int32_t> positions;  // empty when the dump has no /position
};

// Where the next block starts.
struct Cursor {
    SiteIndex site = 0;
    Index first = 0;
    bool begun = false;  // begin_site has run for `site`
};

// A site in flight: the state of its blocks computed so far.
struct SiteProgress {
    RowRange rows;
    std::mutex state_mutex;  // guards state
    std::optional<SiteState> state;
    std::atomic<Index> remaining{0};
};

// What the pass gives back besides each site's summary.
struct PassOutputs {
    const PassSink* sink = nullptr;  // receives the per-token values when set
    bool keep_states = false;
};

struct Scratch {
    Slot slot;
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
    std::vector<float> largest;  // each valid row's max |x|, for float rows
};

// The metrics of the scratch's block into its values and flags, and its rows into `state`.
// Float rows go through the fused kernel (scanned_rows.h), which scans them for the
// massive-activation state as it computes their metrics; the state scans double rows itself.
void compute_block(const SiteInfo& info, Scratch& scratch, SiteState& state) {
    const Slot& slot = scratch.slot;
    const RowBlock* output = info.has_output ? &slot.output : nullptr;
    const auto* rows = std::get_if<RowMatrixF>(&slot.input.rows);
    if (!rows) {
        token_metrics(slot.input, output, info.eps, scratch.values, scratch.flags);
        state.add(BlockView{
            info, slot.input, output, scratch.values, scratch.flags, slot.positions, nullptr, {}});
        return;
    }
    MagnitudeScan scan(info.d);
    token_metrics_scanned(*rows, output, info.eps, scratch.values, scratch.flags, scan,
                          scratch.largest);
    state.add(BlockView{info, slot.input, output, scratch.values, scratch.flags, slot.positions,
                        &scan, scratch.largest});
}

// Every thread loops: claim the next block under the lock, read it, compute it. Each block is
// computed by the core that just read it, while it is in that core's cache.
class MetricsPass {
  public:
    MetricsPass(const Dump& dump, const PassOptions& options, PassOutputs outputs)
        : dump_(dump),
          options_(options),
          outputs_(outputs),
          n_threads_(std::max(options.threads, 1)),
          block_bytes_(pass_block_bytes(options)),
          scratch_(size_t(n_threads_)),
          summaries_(dump.info().sites.size()) {
        for (SiteIndex site = 0; site < summaries_.size(); ++site) {
            sites_.push_back(std::make_unique<SiteProgress>());
            sites_.back()->rows = pass_rows(dump, site, options.shard);
            rows_total_ += sites_.back()->rows.size();
        }
        cursor_ = {0, sites_.empty() ? 0 : sites_.front()->rows.first, false};
        if (outputs_.keep_states) states_.resize(summaries_.size());
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

    std::vector<SiteState> take_states() {
        std::vector<SiteState> states;
        for (std::optional<SiteState>& state : states_) states.push_back(std::move(*state));
        return states;
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
            while (read_next_block(scratch.slot)) compute(scratch);
        } catch (...) {
            fail(std::current_exception());
        }
    }

    // False when every block has been taken or the pass stopped. The block is claimed under the
    // lock and read outside it: libhdf5 serializes its own calls, and the gzip chunks lngeom
    // decodes itself (core/io/hdf5/hdf5_chunked_read.h) then inflate on every thread at once.
    bool read_next_block(Slot& slot) {
        Index first = 0, count = 0;
        {
            std::lock_guard lock(read_mutex_);
            if (!claim_next_block(slot.site, first, count)) return false;
        }
        const SiteInfo& info = dump_.info().sites[slot.site];
        dump_.read_rows(slot.site, Stream::Input, first, count, slot.input);
        if (info.has_output) dump_.read_rows(slot.site, Stream::Output, first, count, slot.output);
        if (dump_.info().has_position) slot.positions = dump_.read_position(first, count);
        return true;
    }

    // The next block's rows [first, first + count) of `site`, advancing the cursor; false when
    // every block has been taken or the pass stopped.
    bool claim_next_block(SiteIndex& site, Index& first, Index& count) {
        while (!stopped() && cursor_.site < sites_.size()) {
            const RowRange rows = sites_[cursor_.site]->rows;
            if (!cursor_.begun) {
                cursor_.begun = true;
                begin_site(cursor_.site);
            }
            if (cursor_.first >= rows.end) {
                const SiteIndex next = cursor_.site + 1;
                cursor_ = {next, next < sites_.size() ? sites_[next]->rows.first : 0, false};
                continue;
            }
            site = cursor_.site;
            first = cursor_.first;
            count = std::min(dump_.block_rows(site, block_bytes_), rows.end - first);
            cursor_.first += count;
            return true;
        }
        return false;
    }

    void begin_site(SiteIndex site) {
        const SiteInfo& info = dump_.info().sites[site];
        SiteProgress& progress = *sites_[site];
        progress.state.emplace(info);
        progress.remaining = progress.rows.size();
        if (progress.rows.size() == 0) finish_site(site);
    }

    // The block's state is computed without a lock and merged into its site's under the site's
    // lock: the other threads compute meanwhile, and only one state per site and per thread is
    // alive at a time.
    void compute(Scratch& scratch) {
        const Slot& slot = scratch.slot;
        const SiteInfo& info = dump_.info().sites[slot.site];
        SiteProgress& progress = *sites_[slot.site];
        SiteState block_state(info);
        compute_block(info, scratch, block_state);
        {
            std::lock_guard lock(progress.state_mutex);
            progress.state->merge(block_state);
        }
        const Index first = slot.input.first_row, n = scratch.values.rows();
        if (outputs_.sink && outputs_.sink->block)
            outputs_.sink->block(slot.site, first, scratch.values, scratch.flags);
        const Index done = rows_done_ += n;
        if (options_.progress) options_.progress(done, rows_total_);
        if (progress.remaining.fetch_sub(n) == n) finish_site(slot.site);
    }

    // Called once every block of the site has been merged into its state.
    void finish_site(SiteIndex site) {
        SiteProgress& progress = *sites_[site];
        SiteState state = std::move(*progress.state);
        progress.state.reset();
        std::lock_guard lock(finish_mutex_);
        summaries_[site] = state.summary();
        if (outputs_.sink && outputs_.sink->site_done)
            outputs_.sink->site_done(site, summaries_[site]);
        if (outputs_.keep_states) states_[site] = std::move(state);
    }

    const Dump& dump_;
    const PassOptions& options_;
    const PassOutputs outputs_;
    const int n_threads_;
    const std::size_t block_bytes_;
    std::vector<Scratch> scratch_;
    std::vector<SiteSummary> summaries_;
    std::vector<std::optional<SiteState>> states_;  // when kept
    std::vector<std::unique_ptr<SiteProgress>> sites_;
    std::mutex read_mutex_;  // guards cursor_
    Cursor cursor_;
    std::atomic<Index> rows_done_{0};
    Index rows_total_ = 0;
    std::atomic<bool> failed_{false};
    std::mutex finish_mutex_;  // serializes the sink and the first error
    std::exception_ptr error_;
};

}  // namespace

std::size_t pass_block_bytes(const PassOptions& options) {
    // Half the budget for blocks (the rest for states and the column chunks being written), split
    // over every thread's two streams; at most kMaxBlockBytes so a block is still in cache when
    // its thread computes it.
    const std::size_t threads = std::size_t(std::max(options.threads, 1));
    const std::size_t share = options.memory_budget_bytes / 2 / (threads * 2);
    return std::clamp<std::size_t>(share, std::size_t(64) << 10, kMaxBlockBytes);
}

RowRange pass_rows(const Dump& dump, SiteIndex site, RowShard shard) {
    const Index n_tokens = dump.info().sites[site].n_tokens;
    if (shard.count <= 1 || n_tokens == 0) return {0, n_tokens};
    return shard_rows(n_tokens, dump.block_rows(site, 1), shard);
}

std::vector<SiteSummary> run_metrics_pass(const Dump& dump, const PassOptions& options,
                                          const PassSink& sink) {
    const bool streams_values = sink.block || sink.site_done;
    if (streams_values && options.shard.count > 1)
        throw RequestError(dump.info().path, "",
                           "per-token columns are collected over all rows, not over a shard");
    const PassOutputs outputs{streams_values ? &sink : nullptr, false};
    require_pass_within_budget(dump, options, false);
    return MetricsPass(dump, options, outputs).run();
}

std::vector<SiteState> run_statistics_pass(const Dump& dump, const PassOptions& options) {
    require_pass_within_budget(dump, options, true);
    MetricsPass pass(dump, options, PassOutputs{nullptr, true});
    pass.run();
    return pass.take_states();
}

}  // namespace lngeom
