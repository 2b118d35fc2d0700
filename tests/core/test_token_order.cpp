// The token table's rows as indices: filtering by text and metric range, stable sorts with NaN
// last, and the inverse map from token to row.

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

#include "core/tokens/token_order.h"

using namespace lngeom;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
const std::vector<std::string> kTexts{"the", "cat", "sat", "on", "the", "mat"};
const std::vector<float> kValues{3.0f, kNaN, 1.0f, 2.0f, 1.0f, 5.0f};
const std::vector<std::int32_t> kPositions{0, 1, 2, 0, 1, 2};

std::vector<Index> allTokens() { return {0, 1, 2, 3, 4, 5}; }

}  // namespace

class TestTokenOrder : public QObject {
    Q_OBJECT
  private slots:
    void filters_data();
    void filters();
    void sortsValuesWithNanLast_data();
    void sortsValuesWithNanLast();
    void sortsIntegersAndTextsStably();
    void mapsTokensToRows();
    void groupsRowsIntoRuns();
};

void TestTokenOrder::filters_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("useRange");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<std::vector<Index>>("expected");
    QTest::newRow("nothing") << "" << false << 0.0 << 0.0 << allTokens();
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
    TokenFilter filter{text.toStdString(), kValues, std::nullopt};
    if (useRange) filter.range = ValueRange{low, high};
    QCOMPARE(filter_tokens(6, kTexts, filter), expected);
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
    auto tokens = allTokens();
    sort_by_values(tokens, kValues, descending);
    QCOMPARE(tokens, expected);
}

void TestTokenOrder::sortsIntegersAndTextsStably() {
    auto tokens = allTokens();
    sort_by_integers(tokens, kPositions, false);
    QCOMPARE(tokens, (std::vector<Index>{0, 3, 1, 4, 2, 5}));
    sort_by_texts(tokens, kTexts, true);
    QCOMPARE(tokens, (std::vector<Index>{0, 4, 2, 3, 5, 1}));
}

void TestTokenOrder::mapsTokensToRows() {
    const std::vector<Index> rows{4, 1};
    QCOMPARE(positions_of(6, rows), (std::vector<std::int64_t>{-1, 1, -1, -1, 0, -1}));
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
