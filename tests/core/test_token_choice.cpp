// Tokens chosen to stand for a site: the one nearest a value (the tour's representative token)
// and tokens spread over a metric's range (its walk from short to long vectors), with invalid
// tokens (NaN) never chosen; the columns are read in small blocks, so choices cross block edges.
#include <QtTest>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/tokens/token_choice.h"
#include "tests/core/memory_columns.h"

using lngeom::Index;
using lngeom::Metric;
using lngeom::test::MemoryColumns;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// ‖x‖ of 4096 tokens spread over four decades, as in a real dump (0.05√d to 100√d for d = 768),
// every 97th token invalid.
std::vector<float> norms() {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> exponent(std::log10(0.05), std::log10(100.0));
    std::vector<float> values(4096);
    for (std::size_t token = 0; token < values.size(); ++token)
        values[token] =
            token % 97 == 5 ? kNaN : float(std::sqrt(768.0) * std::pow(10.0, exponent(random)));
    return values;
}

Index nearest(const std::vector<float>& values, double target) {
    return lngeom::token_nearest(MemoryColumns::repeated(values, 7), Metric::Norm, target);
}

std::vector<Index> across(const std::vector<float>& values, std::size_t count, double low,
                          double high) {
    return lngeom::tokens_across(MemoryColumns::repeated(values, 7), Metric::Norm, count, low,
                                 high);
}

}  // namespace

class TestTokenChoice : public QObject {
    Q_OBJECT
  private slots:
    void nearestSkipsInvalidTokens() {
        const std::vector<float> values{kNaN, 89.0f, 91.5f, 90.2f, kNaN, 90.2f};
        QCOMPARE(nearest(values, 90.0), Index(3));  // the first of a tie
        QCOMPARE(nearest(values, 200.0), Index(2));
        QCOMPARE(nearest(std::vector<float>{kNaN, kNaN}, 1.0), Index(-1));
        QCOMPARE(nearest(std::vector<float>{}, 1.0), Index(-1));
    }

    void nearestTheMedianIsATokenAtTheMedian() {
        const std::vector<float> values = norms();
        std::vector<float> sorted;
        for (float value : values)
            if (!std::isnan(value)) sorted.push_back(value);
        std::sort(sorted.begin(), sorted.end());
        const double median = sorted[sorted.size() / 2];
        const Index token = nearest(values, median);
        QCOMPARE(double(values[std::size_t(token)]), median);
    }

    void acrossSpansTheQuantilesInOrder() {
        const std::vector<float> values = norms();
        const std::vector<Index> chosen = across(values, 6, 0.01, 0.99);
        QCOMPARE(chosen.size(), std::size_t(6));
        std::vector<float> valid;
        for (float value : values)
            if (!std::isnan(value)) valid.push_back(value);
        std::sort(valid.begin(), valid.end());
        const auto at = [&valid](double quantile) {
            return valid[std::size_t(std::lround(quantile * double(valid.size() - 1)))];
        };
        // Within one rank of the exact quantile's value (the sketch interpolates between ranks).
        const auto within_a_rank = [&valid, &at](float value, double quantile) {
            const auto rank = std::size_t(std::lround(quantile * double(valid.size() - 1)));
            return value == at(quantile) || value == valid[rank - 1] || value == valid[rank + 1];
        };
        QVERIFY(within_a_rank(values[std::size_t(chosen.front())], 0.01));
        QVERIFY(within_a_rank(values[std::size_t(chosen.back())], 0.99));
        for (std::size_t i = 1; i < chosen.size(); ++i) {
            QVERIFY(values[std::size_t(chosen[i - 1])] < values[std::size_t(chosen[i])]);
            QVERIFY(!std::isnan(values[std::size_t(chosen[i])]));
        }
        // Four decades: the walk goes from short to long vectors.
        QVERIFY(values[std::size_t(chosen.back())] > 100 * values[std::size_t(chosen.front())]);
    }

    void acrossFewTokensGivesEachOnce() {
        const std::vector<float> values{3.0f, kNaN, 1.0f};
        QCOMPARE(across(values, 6, 0.0, 1.0), (std::vector<Index>{2, 0}));
        QCOMPARE(across(values, 1, 0.0, 1.0), (std::vector<Index>{2}));
        QVERIFY(across(std::vector<float>{kNaN}, 4, 0.0, 1.0).empty());
        QVERIFY(across(values, 0, 0.0, 1.0).empty());
    }
};

QTEST_GUILESS_MAIN(TestTokenChoice)
#include "test_token_choice.moc"
