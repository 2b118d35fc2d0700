// Mergeable moments and histograms: two ranges combine into their union; re-binning from the
// kept values; numpy's 'linear' quantiles; NaN (invalid tokens) skipped everywhere.
#include <QTest>
#include <cmath>
#include <random>

#include "core/metrics/statistics.h"
#include "tests/core/test_metric_fixtures.h"

using namespace lngeom;

namespace {

std::vector<float> random_values(size_t n, unsigned seed) {
    std::mt19937 generator(seed);
    std::normal_distribution<float> normal(90.0f, 3.0f);
    std::vector<float> values(n);
    for (float& value : values) value = normal(generator);
    return values;
}

// Counts by the bin edges themselves, the definition re-binning must agree with.
std::vector<std::int64_t> counts_by_edges(const std::vector<float>& values, const Histogram& h) {
    std::vector<std::int64_t> counts(h.counts.size(), 0);
    const int bins = int(h.counts.size());
    for (float value : values)
        for (int b = 0; b < bins; ++b) {
            const bool last = b == bins - 1;
            if (value >= h.bin_low(b) && (last ? value <= h.high : value < h.bin_low(b + 1)))
                ++counts[size_t(b)];
        }
    return counts;
}

}  // namespace

class TestStatistics : public QObject {
    Q_OBJECT

  private slots:
    void moments_merge_into_the_union_data() {
        QTest::addColumn<int>("split");
        for (int split : {0, 1, 500, 999, 1000})
            QTest::newRow(qPrintable(QString::number(split))) << split;
    }

    void moments_merge_into_the_union() {
        QFETCH(int, split);
        const std::vector<float> values = random_values(1000, 3);
        const std::span<const float> all(values);
        Moments merged = moments_of(all.first(size_t(split)));
        merged.merge(moments_of(all.subspan(size_t(split))));
        const Moments whole = moments_of(all);
        QCOMPARE(merged.count, whole.count);
        QCOMPARE(merged.min, whole.min);
        QCOMPARE(merged.max, whole.max);
        QVERIFY(test::close_to(merged.mean, whole.mean, 1e-14));
        QVERIFY(test::close_to(merged.m2, whole.m2, 1e-12 * whole.m2));
    }

    void moments_are_numpy_population_moments() {
        const std::vector<float> values{1.0f, 2.0f, 4.0f, 7.0f};
        const Moments moments = moments_of(values);
        // mean 3.5, squared deviations 6.25 + 2.25 + 0.25 + 12.25 = 21
        QCOMPARE(moments.mean, 3.5);
        QCOMPARE(moments.variance(), 21.0 / 4.0);
    }

    void nan_values_are_skipped() {
        std::vector<float> values = random_values(100, 5);
        const Summary clean = summarize(values);
        values.insert(values.begin() + 10, std::nanf(""));
        values.push_back(std::nanf(""));
        const Summary with_nan = summarize(values);
        QCOMPARE(with_nan.count, clean.count);
        QCOMPARE(with_nan.mean, clean.mean);
        QCOMPARE(with_nan.p50, clean.p50);
        QCOMPARE(with_nan.p99, clean.p99);
    }

    void empty_summary_is_nan() {
        const std::vector<float> values{std::nanf(""), std::nanf("")};
        const Summary summary = summarize(values);
        QCOMPARE(summary.count, std::int64_t(0));
        QVERIFY(std::isnan(summary.mean) && std::isnan(summary.std) && std::isnan(summary.min) &&
                std::isnan(summary.p50));
    }

    void quantiles_interpolate_linearly_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<double>("q");
        for (int n : {1, 2, 7, 100, 101})
            for (double q : {0.0, 0.01, 0.25, 0.5, 0.99, 1.0})
                QTest::newRow(qPrintable(QString("n=%1 q=%2").arg(n).arg(q))) << n << q;
    }

    void quantiles_interpolate_linearly() {
        QFETCH(int, n);
        QFETCH(double, q);
        // On 10, 20, …, 10n the linear method's quantile is 10·(1 + q·(n − 1)).
        std::vector<float> sorted(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) sorted[size_t(i)] = float(10 * (i + 1));
        QVERIFY(test::close_to(sorted_quantile(sorted, q), 10.0 * (1.0 + q * (n - 1)), 1e-14));
    }

    void summary_quantiles_equal_sorted_quantiles_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("distinct");
        for (int n : {1, 2, 3, 100, 1001})
            for (int distinct : {1, 5, 1000000})
                QTest::newRow(qPrintable(QString("n=%1 distinct=%2").arg(n).arg(distinct)))
                    << n << distinct;
    }

    void summary_quantiles_equal_sorted_quantiles() {
        QFETCH(int, n);
        QFETCH(int, distinct);
        std::vector<float> values = random_values(size_t(n), unsigned(n + distinct));
        for (float& value : values) value = std::fmod(std::round(value * 1000.0f), float(distinct));
        const Summary summary = summarize(values);
        std::sort(values.begin(), values.end());
        QCOMPARE(summary.p01, sorted_quantile(values, 0.01));
        QCOMPARE(summary.p50, sorted_quantile(values, 0.5));
        QCOMPARE(summary.p99, sorted_quantile(values, 0.99));
    }

    void histograms_merge_into_the_union_data() {
        QTest::addColumn<int>("split");
        for (int split : {0, 1, 300, 1000})
            QTest::newRow(qPrintable(QString::number(split))) << split;
    }

    void histograms_merge_into_the_union() {
        QFETCH(int, split);
        const std::vector<float> values = random_values(1000, 7);
        const std::span<const float> all(values);
        Histogram merged = histogram_of(all.first(size_t(split)), 86.0, 94.0, 32);
        merged.merge(histogram_of(all.subspan(size_t(split)), 86.0, 94.0, 32));
        const Histogram whole = histogram_of(all, 86.0, 94.0, 32);
        QCOMPARE(merged.counts, whole.counts);
        QCOMPARE(merged.below, whole.below);
        QCOMPARE(merged.above, whole.above);
    }

    void rebinning_counts_by_the_edges_data() {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<int>("bins");
        QTest::newRow("paper axis") << 86.0 << 94.0 << 64;
        QTest::newRow("one bin") << 80.0 << 100.0 << 1;
        QTest::newRow("odd width") << 85.1 << 93.7 << 17;
        QTest::newRow("narrow") << 89.9 << 90.1 << 1000;
    }

    void rebinning_counts_by_the_edges() {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(int, bins);
        std::vector<float> values = random_values(2000, 11);
        values.push_back(float(low));
        values.push_back(std::nanf(""));
        const Histogram histogram = histogram_of(values, low, high, bins);
        QCOMPARE(histogram.counts, counts_by_edges(values, histogram));
        std::int64_t total = histogram.below + histogram.above;
        for (std::int64_t count : histogram.counts) total += count;
        QCOMPARE(total, std::int64_t(values.size() - 1));
    }

    void histograms_with_other_edges_refuse_to_merge() {
        Histogram a(0.0, 1.0, 10);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a.merge(Histogram(0.0, 2.0, 10)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, a.merge(Histogram(0.0, 1.0, 11)));
    }

    void bad_histogram_ranges_are_refused() {
        try {
            Histogram(1.0, 1.0, 10);
            QFAIL("no exception");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).contains("finite low < high"));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Histogram(0.0, 1.0, 0));
    }
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "test_statistics.moc"
