// The token table's rows: filtering by text and metric range streamed over blocks, sorts by
// metric, integer and text keys (stable, NaN last in both directions), the in-place radix sort
// against std::sort, the 32-bit row limit, the rows of a selection, and runs of rows.

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/errors.h"
#include "core/tokens/sort_keys.h"
#include "core/tokens/token_filter.h"
#include "core/tokens/token_order.h"
#include "core/tokens/token_sort.h"
#include "tests/core/memory_columns.h"

using namespace lngeom;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
const std::vector<std::string> kTexts{"the", "cat", "sat", "on", "the", "mat"};
const std::vector<float> kValues{3.0f, kNaN, 1.0f, 2.0f, 1.0f, 5.0f};
const std::vector<std::int32_t> kPositions{0, 1, 2, 0, 1, 2};
// Blocks of two rows: every computation crosses block edges.
const test::MemoryColumns kColumns = test::MemoryColumns::repeated(kValues, 2);

TextBlockReader texts() {
    return [](Index first, Index count) {
        return std::vector<std::string>(kTexts.begin() + first, kTexts.begin() + first + count);
    };
}

std::vector<Index> tokensOf(const TokenRows& rows) {
    std::vector<Index> tokens;
    for (Index row = 0; row < rows.size(); ++row) tokens.push_back(rows.token_at(row));
    return tokens;
}

std::vector<Index> sorted(const SortKeyReader& keys, const TokenRows& rows = TokenRows::all(6)) {
    return tokensOf(sort_rows(rows, 6, 2, keys, "memory"));
}

}  // namespace

class TestTokenOrder : public QObject {
    Q_OBJECT
  private slots:
    void filters_data();
    void filters();
    void sortsValuesWithNanLast_data();
    void sortsValuesWithNanLast();
    void sortsIntegersAndTextsStably();
    void sortsOnlyTheFilteredRows();
    void radixSortAgreesWithStdSort();
    void floatKeysOrderAsTheValues();
    void refusesASortBeyondTheBudget();
    void findsTheRowsOfASelection();
    void groupsRowsIntoRuns();
};

void TestTokenOrder::filters_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("useRange");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<std::vector<Index>>("expected");
    QTest::newRow("nothing") << "" << false << 0.0 << 0.0 << std::vector<Index>{0, 1, 2, 3, 4, 5};
    QTest::newRow("text") << "at" << false << 0.0 << 0.0 << std::vector<Index>{1, 2, 5};
    QTest::newRow("closed range") << "" << true << 1.0 << 3.0 << std::vector<Index>{0, 2, 3, 4};
    QTest::newRow("both") << "the" << true << 0.0 << 2.0 << std::vector<Index>{4};
    QTest::newRow("none") << "dog" << false << 0.0 << 0.0 << std::vector<Index>{};
}

void TestTokenOrder::filters() {
    QFETCH(QString, text);
    QFETCH(bool, useRange);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(std::vector<Index>, expected);
    TokenFilter filter{text.toStdString(), Metric::Norm, std::nullopt};
    if (useRange) filter.range = ValueRange{low, high};
    const TokenRows rows = filter_rows(6, kColumns, texts(), filter, "memory");
    QCOMPARE(tokensOf(rows), expected);
    QCOMPARE(rows.is_identity(), filter.empty());
    // Without texts, a text filter passes nothing.
    if (!filter.text.empty()) QCOMPARE(filter_rows(6, kColumns, {}, filter, "memory").size(), 0);
}

void TestTokenOrder::sortsValuesWithNanLast_data() {
    QTest::addColumn<bool>("descending");
    QTest::addColumn<std::vector<Index>>("expected");
    QTest::newRow("ascending, ties in token order")
        << false << std::vector<Index>{2, 4, 3, 0, 5, 1};
    QTest::newRow("descending") << true << std::vector<Index>{5, 0, 3, 2, 4, 1};
}

void TestTokenOrder::sortsValuesWithNanLast() {
    QFETCH(bool, descending);
    QFETCH(std::vector<Index>, expected);
    QCOMPARE(sorted(metric_sort_keys(kColumns, Metric::Sigma, descending)), expected);
}

void TestTokenOrder::sortsIntegersAndTextsStably() {
    const IntegerBlockReader positions = [](Index first, Index count) {
        return std::vector<std::int32_t>(kPositions.begin() + first,
                                         kPositions.begin() + first + count);
    };
    QCOMPARE(sorted(integer_sort_keys(positions, false)), (std::vector<Index>{0, 3, 1, 4, 2, 5}));
    QCOMPARE(sorted(text_sort_keys(texts(), 6, 2, true, "memory")),
             (std::vector<Index>{0, 4, 2, 3, 5, 1}));
    QCOMPARE(sorted(text_sort_keys(texts(), 6, 4, false, "memory")),
             (std::vector<Index>{1, 5, 3, 2, 0, 4}));
}

void TestTokenOrder::sortsOnlyTheFilteredRows() {
    const TokenRows filtered = filter_rows(6, kColumns, texts(), {"at", {}, {}}, "memory");
    QCOMPARE(sorted(metric_sort_keys(kColumns, Metric::Norm, true), filtered),
             (std::vector<Index>{5, 2, 1}));
    const std::atomic<bool> cancel(true);
    QVERIFY_THROWS_EXCEPTION(
        CancelledError,
        sort_rows(TokenRows::all(6), 6, 2, metric_sort_keys(kColumns, Metric::Norm, false),
                  "memory", &cancel));
}

void TestTokenOrder::radixSortAgreesWithStdSort() {
    std::mt19937_64 generator(16);
    for (std::size_t size :
         {std::size_t(0), std::size_t(1), std::size_t(47), std::size_t(300000)}) {
        std::vector<std::uint64_t> words(size);
        // Few distinct keys above unique tokens: long runs of equal keys, as a real metric has.
        for (std::size_t i = 0; i < size; ++i)
            words[i] = (generator() % 1000) << 32 | std::uint64_t(generator() % (1u << 31));
        std::vector<std::uint64_t> expected = words;
        std::sort(expected.begin(), expected.end());
        sort_words(words);
        QCOMPARE(words, expected);
    }
}

void TestTokenOrder::floatKeysOrderAsTheValues() {
    const std::vector<float> values{
        -std::numeric_limits<float>::infinity(), -1e30f, -2.5f, -1e-40f, 0.0f, 1e-40f, 1.0f, 3e38f,
        std::numeric_limits<float>::infinity()};
    for (std::size_t i = 1; i < values.size(); ++i) {
        QVERIFY(float_sort_key(values[i - 1], false) < float_sort_key(values[i], false));
        QVERIFY(float_sort_key(values[i - 1], true) > float_sort_key(values[i], true));
    }
    QCOMPARE(float_sort_key(-0.0f, false), float_sort_key(0.0f, false));
    for (bool descending : {false, true})
        for (float value : values)
            QVERIFY(float_sort_key(value, descending) < float_sort_key(kNaN, descending));
}

void TestTokenOrder::refusesASortBeyondTheBudget() {
    require_sort_within_budget(100'000'000, std::size_t(2) << 30, "dump.h5");
    try {
        require_sort_within_budget(100'000'000, std::size_t(1) << 30, "dump.h5");
        QFAIL("no error");
    } catch (const RequestError& error) {
        QCOMPARE(QString(error.what()),
                 "dump.h5: sorting 100000000 rows needs 763 MiB, more than half the memory "
                 "budget of 1 GiB; raise the budget (--memory-budget, or Settings in the app)");
    }
}

void TestTokenOrder::findsTheRowsOfASelection() {
    const TokenSet selection = TokenSet::of(6, std::vector<Index>{1, 4, 5});
    QCOMPARE(TokenRows::all(6).rows_of(selection, 10), (std::vector<std::int64_t>{1, 4, 5}));
    const std::vector<std::uint32_t> order{5, 2, 1, 0, 4, 3};
    const TokenRows rows = TokenRows::of(order);
    QCOMPARE(rows.rows_of(selection, 10), (std::vector<std::int64_t>{0, 2, 4}));
    QCOMPARE(rows.rows_of(selection, 2), (std::vector<std::int64_t>{0, 2}));
    QCOMPARE(rows.bytes(), std::size_t(24));
    QCOMPARE(TokenRows::all(6).bytes(), std::size_t(0));
}

void TestTokenOrder::groupsRowsIntoRuns() {
    std::vector<std::int64_t> rows{9, 3, 4, 5, 5, 12, 10};
    const std::vector<std::pair<std::int64_t, std::int64_t>> expected{{3, 5}, {9, 10}, {12, 12}};
    QCOMPARE(consecutive_runs(rows), expected);
    std::vector<std::int64_t> none;
    QVERIFY(consecutive_runs(none).empty());
}

QTEST_APPLESS_MAIN(TestTokenOrder)
#include "test_token_order.moc"
