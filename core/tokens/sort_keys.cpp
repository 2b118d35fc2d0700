#include "core/tokens/sort_keys.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include "core/errors.h"

namespace lngeom {

namespace {

constexpr std::size_t kMaxDistinctTexts = std::size_t(1) << 22;

}  // namespace

SortKeyReader metric_sort_keys(const ColumnSource& columns, Metric metric, bool descending) {
    return [&columns, metric, descending](Index first, std::span<std::uint32_t> keys) {
        std::vector<float> values(keys.size());
        columns.read(metric, first, values);
        std::transform(values.begin(), values.end(), keys.begin(),
                       [descending](float value) { return float_sort_key(value, descending); });
    };
}

SortKeyReader integer_sort_keys(IntegerBlockReader values, bool descending) {
    return [values = std::move(values), descending](Index first, std::span<std::uint32_t> keys) {
        const std::vector<std::int32_t> block = values(first, Index(keys.size()));
        std::transform(block.begin(), block.end(), keys.begin(), [descending](std::int32_t value) {
            return integer_sort_key(value, descending);
        });
    };
}

SortKeyReader text_sort_keys(const TextBlockReader& texts, Index n_tokens, Index block_rows,
                             bool descending, const std::string& what,
                             const std::atomic<bool>* cancel) {
    auto ranks = std::make_shared<std::unordered_map<std::string, std::uint32_t>>();
    const Index step = std::max<Index>(block_rows, 1);
    for (Index first = 0; first < n_tokens; first += step) {
        if (cancel && cancel->load()) throw CancelledError(what, "", "sorting was cancelled");
        for (std::string& text : texts(first, std::min(step, n_tokens - first)))
            ranks->try_emplace(std::move(text), 0);
        if (ranks->size() > kMaxDistinctTexts)
            throw RequestError(what, "/tokens",
                               "has more than " + std::to_string(kMaxDistinctTexts) +
                                   " distinct token texts; the table cannot sort them");
    }
    std::vector<const std::string*> sorted;
    sorted.reserve(ranks->size());
    for (const auto& entry : *ranks) sorted.push_back(&entry.first);
    std::sort(sorted.begin(), sorted.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    for (std::size_t rank = 0; rank < sorted.size(); ++rank)
        (*ranks)[*sorted[rank]] = std::uint32_t(rank);
    return [texts, ranks, descending](Index first, std::span<std::uint32_t> keys) {
        const std::vector<std::string> block = texts(first, Index(keys.size()));
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const std::uint32_t rank = ranks->at(block[i]);
            keys[i] = descending ? ~rank : rank;
        }
    };
}

}  // namespace lngeom
