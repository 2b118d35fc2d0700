#pragma once
// A ColumnSource over values in memory, read in small blocks so that the streamed computations
// cross many block edges: the core's chart and table tests compare them with plain loops.

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "core/columns/column_source.h"

namespace lngeom::test {

class MemoryColumns : public ColumnSource {
  public:
    // One column per metric, in site_metrics() order: the input metrics, plus the output ones
    // when `columns` has kMetricCount of them.
    MemoryColumns(std::vector<std::vector<float>> columns, Index block_rows)
        : columns_(std::move(columns)),
          metrics_(site_metrics(columns_.size() == std::size_t(kMetricCount))),
          block_rows_(block_rows) {}

    // Every metric's column equal to `values`.
    static MemoryColumns repeated(const std::vector<float>& values, Index block_rows,
                                  int metrics = kInputMetricCount) {
        return MemoryColumns(std::vector<std::vector<float>>(std::size_t(metrics), values),
                             block_rows);
    }

    const std::string& path() const override { return path_; }
    Index n_tokens() const override {
        return columns_.empty() ? 0 : Index(columns_.front().size());
    }
    const std::vector<Metric>& metrics() const override { return metrics_; }
    Index block_rows() const override { return block_rows_; }

    void read(Metric metric, Index first, std::span<float> out) const override {
        check_read(metric, first, Index(out.size()));
        const std::vector<float>& column = columns_[std::size_t(column_of(metric))];
        std::copy_n(column.begin() + first, out.size(), out.begin());
    }
    void read_flags(Index first, std::span<std::uint8_t> out) const override {
        check_rows(first, Index(out.size()));
        std::fill(out.begin(), out.end(), std::uint8_t(0));
    }

  private:
    std::vector<std::vector<float>> columns_;
    std::vector<Metric> metrics_;
    Index block_rows_;
    std::string path_ = "memory";
};

}  // namespace lngeom::test
