#include "core/metrics_pass.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <thread>

#include "core/errors.h"
#include "core/metrics.h"
#include "core/token_metrics.h"

namespace lngeom {

namespace {

struct Slot {
    std::size_t site = 0;
    RowBlock input;
    RowBlock output;
};

// A FIFO of slots; pop() waits, and returns null once the queue is closed and drained.
class SlotQueue {
  public:
    void push(Slot* slot) {
        {
            std::lock_guard lock(mutex_);
            items_.push_back(slot);
        }
        ready_.notify_one();
    }

    Slot* pop() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return !items_.empty() || closed_; });
        if (items_.empty()) return nullptr;
        Slot* slot = items_.front();
        items_.pop_front();
        return slot;
    }

    void close() {
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        ready_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Slot*> items_;
    bool closed_ = false;
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
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
};

class MetricsPass {
  public:
    MetricsPass(const Dump& dump, const PassOptions& options, const SiteSink& sink)
        : dump_(dump),
          options_(options),
          sink_(sink),
          n_computers_(std::max(options.threads - 1, 1)),
          slots_(size_t(options.threads <= 1 ? 1 : options.threads + 1)),
          scratch_(size_t(n_computers_)),
          summaries_(dump.info().sites.size()) {
        for (const SiteInfo& site : dump.info().sites) rows_total_ += site.n_tokens;
        for (Slot& slot : slots_) free_.push(&slot);
        for (size_t site = 0; site < summaries_.size(); ++site)
            sites_.push_back(std::make_unique<SiteState>());
    }

    std::vector<SiteSummary> run() {
        std::vector<std::thread> computers;
        if (!computes_inline())
            for (int worker = 0; worker < n_computers_; ++worker)
                computers.emplace_back([this, worker] { compute_blocks(worker); });
        try {
            read_blocks();
        } catch (...) {
            fail(std::current_exception());
        }
        filled_.close();
        for (std::thread& computer : computers) computer.join();
        if (error_) std::rethrow_exception(error_);
        if (cancelled())
            throw CancelledError(dump_.info().path, "",
                                 "the metrics pass was cancelled after " +
                                     std::to_string(rows_done_.load()) + " of " +
                                     std::to_string(rows_total_) + " rows");
        return std::move(summaries_);
    }

  private:
    bool computes_inline() const { return options_.threads <= 1; }
    bool cancelled() const { return options_.cancel && options_.cancel->load(); }
    bool stopped() const { return failed_.load() || cancelled(); }

    void fail(std::exception_ptr error) {
        std::lock_guard lock(finish_mutex_);
        if (!error_) error_ = error;
        failed_ = true;
    }

    void read_blocks() {
        const std::size_t block_bytes = pass_block_bytes(options_);
        for (std::size_t site = 0; site < sites_.size() && !stopped(); ++site) {
            const SiteInfo& info = dump_.info().sites[site];
            begin_site(site);
            const Index rows = dump_.block_rows(site, block_bytes);
            for (Index first = 0; first < info.n_tokens; first += rows) {
                if (stopped()) return;
                Slot* slot = free_.pop();
                slot->site = site;
                const Index count = std::min(rows, info.n_tokens - first);
                dump_.read_rows(site, Stream::Input, first, count, slot->input);
                if (info.has_output)
                    dump_.read_rows(site, Stream::Output, first, count, slot->output);
                deliver(slot);
            }
        }
    }

    // Columns are allocated when the reader reaches a site, so only the sites in flight hold them.
    void begin_site(std::size_t site) {
        const SiteInfo& info = dump_.info().sites[site];
        SiteState& state = *sites_[site];
        const int n_metrics = metric_count(info.has_output);
        state.columns.values.resize(info.n_tokens, n_metrics);
        state.columns.flags.assign(size_t(info.n_tokens), 0);
        state.tallies.assign(size_t(n_computers_), Tally{std::vector<Moments>(size_t(n_metrics))});
        state.remaining = info.n_tokens;
        if (info.n_tokens == 0) finish_site(site);
    }

    void deliver(Slot* slot) {
        if (!computes_inline()) return filled_.push(slot);
        compute(*slot, 0);
        free_.push(slot);
    }

    void compute_blocks(int worker) {
        while (Slot* slot = filled_.pop()) {
            if (!stopped()) {
                try {
                    compute(*slot, worker);
                } catch (...) {
                    fail(std::current_exception());
                }
            }
            free_.push(slot);
        }
    }

    void compute(const Slot& slot, int worker) {
        const SiteInfo& info = dump_.info().sites[slot.site];
        SiteState& state = *sites_[slot.site];
        Scratch& scratch = scratch_[size_t(worker)];
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

    void finish_site(std::size_t site) {
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
    const int n_computers_;
    std::vector<Slot> slots_;
    std::vector<Scratch> scratch_;
    std::vector<SiteSummary> summaries_;
    std::vector<std::unique_ptr<SiteState>> sites_;
    SlotQueue free_, filled_;
    std::atomic<Index> rows_done_{0};
    Index rows_total_ = 0;
    std::atomic<bool> failed_{false};
    std::mutex finish_mutex_;  // serializes the sink and the first error
    std::exception_ptr error_;
};

}  // namespace

std::size_t pass_block_bytes(const PassOptions& options) {
    // Half the budget for blocks (the rest for columns), split over every slot's two streams.
    const std::size_t slots = options.threads <= 1 ? 1 : std::size_t(options.threads) + 1;
    const std::size_t share = options.memory_budget_bytes / 2 / (slots * 2);
    return std::clamp<std::size_t>(share, std::size_t(64) << 10, std::size_t(8) << 20);
}

std::vector<SiteSummary> run_metrics_pass(const Dump& dump, const PassOptions& options,
                                          const SiteSink& sink) {
    return MetricsPass(dump, options, sink).run();
}

}  // namespace lngeom
