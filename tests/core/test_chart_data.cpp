// Chart data streamed from per-token columns (read in blocks of a few rows, so every block edge
// is crossed): brushed ranges, re-binning, per-site curves and heatmap rows, selection
// statistics, token sets, default ranges, site labels and alignment of two dumps.

#include <QtTest>

#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "core/charts/curve_comparison.h"
#include "core/charts/histogram_bars.h"
#include "core/charts/histogram_range.h"
#include "core/charts/layer_curves.h"
#include "core/charts/layer_heatmap.h"
#include "core/charts/site_alignment.h"
#include "core/charts/site_labels.h"
#include "core/columns/column_blocks.h"
#include "core/columns/column_statistics.h"
#include "core/errors.h"
#include "core/tokens/token_set.h"
#include "tests/core/memory_columns.h"

using namespace lngeom;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Angles around 90° with a few invalid tokens and values exactly on edges.
std::vector<float> angleValues(std::size_t count, unsigned seed) {
    std::mt19937 generator(seed);
    std::normal_distribution<float> angle(90.0f, 3.0f);
    std::vector<float> values(count);
    for (float& value : values) value = angle(generator);
    for (std::size_t token = 0; token < count; token += 97) values[token] = kNaN;
    values[1] = 80.0f;
    values[2] = 100.0f;
    return values;
}

std::int64_t validCount(std::span<const float> values) {
    return std::count_if(values.begin(), values.end(), [](float v) { return !std::isnan(v); });
}

// Blocks of 37 rows: no block edge falls on a 64-token word of a TokenSet.
constexpr Index kBlockRows = 37;

test::MemoryColumns columnsOf(const std::vector<float>& values) {
    return test::MemoryColumns::repeated(values, kBlockRows);
}

std::vector<float> subsetOf(const std::vector<float>& values, const TokenSet& tokens) {
    std::vector<float> subset;
    tokens.for_each([&](Index token) { subset.push_back(values[std::size_t(token)]); });
    return subset;
}

SiteInfo namedSite(int layer, const std::string& name) {
    SiteInfo site;
    site.layer = layer;
    site.site = name;
    return site;
}

}  // namespace

class TestChartData : public QObject {
    Q_OBJECT
  private slots:
    void brushedBinsHoldExactlyTheirCounts_data();
    void brushedBinsHoldExactlyTheirCounts();
    void tokenSetsKeepMembersInOrder();
    void binCountsSumToTheValidTokens();
    void heatmapRowsAreTheSitesHistograms();
    void rowFractionsSumToOne();
    void stackedBarsSplitEachBin_data();
    void stackedBarsSplitEachBin();
    void curveFollowsTheSummaries();
    void selectionCurveSummarizesTheTokensAtEverySite();
    void alignedCurvesAndTheirDifference();
    void selectionStatisticsAreThoseOfTheSubset();
    void blocksCoverTheColumn();
    void defaultRange_data();
    void defaultRange();
    void siteLabels_data();
    void siteLabels();
    void sitePlacement();
    void alignsSitesByLayerAndName();
    void alignsUnnamedSitesByPosition();
};

void TestChartData::brushedBinsHoldExactlyTheirCounts_data() {
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("bins");
    QTest::addColumn<int>("firstBin");
    QTest::addColumn<int>("lastBin");
    QTest::newRow("window, middle bins") << 80.0 << 100.0 << 40 << 15 << 24;
    QTest::newRow("window, last bin keeps the high edge") << 80.0 << 100.0 << 40 << 39 << 39;
    QTest::newRow("odd widths") << 83.3 << 97.1 << 7 << 0 << 6;
    QTest::newRow("one bin") << 70.0 << 110.0 << 1 << 0 << 0;
}

void TestChartData::brushedBinsHoldExactlyTheirCounts() {
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, bins);
    QFETCH(int, firstBin);
    QFETCH(int, lastBin);
    const auto values = angleValues(20000, 7);
    const auto columns = columnsOf(values);
    const Histogram histogram = histogram_of(values, low, high, bins);
    QCOMPARE(column_histogram(columns, Metric::Sigma, low, high, bins).counts, histogram.counts);
    const TokenSet tokens =
        column_tokens_in_bins(columns, Metric::Norm, histogram, firstBin, lastBin);
    const auto counted = std::accumulate(histogram.counts.begin() + firstBin,
                                         histogram.counts.begin() + lastBin + 1, std::int64_t(0));
    QCOMPARE(tokens.count(), counted);
    tokens.for_each([&](Index token) {
        const int bin = histogram.bin_of(values[std::size_t(token)]);
        QVERIFY(bin >= firstBin && bin <= lastBin);
    });
}

void TestChartData::tokenSetsKeepMembersInOrder() {
    TokenSet set(200);
    for (Index token : {199, 5, 64, 63, 5, 128, -1, 200}) set.insert(token);
    QCOMPARE(set.count(), Index(5));
    QCOMPARE(set.to_vector(), (std::vector<Index>{5, 63, 64, 128, 199}));
    QCOMPARE(set.first_tokens(2), (std::vector<Index>{5, 63}));
    QVERIFY(set.contains(63) && !set.contains(62) && !set.contains(-1) && !set.contains(200));
    std::vector<Index> inside;
    set.for_each(63, 129, [&](Index token) { inside.push_back(token); });
    QCOMPARE(inside, (std::vector<Index>{63, 64, 128}));
    QCOMPARE(set.count_in(6, 63), Index(0));
    QVERIFY(!set.any_in(6, 63) && set.any_in(6, 64) && set.any_in(129, 200));
    QCOMPARE(TokenSet::all(130).count(), Index(130));
    QCOMPARE(TokenSet::all(130).count_in(64, 130), Index(66));
    TokenSet merged = TokenSet::of(200, std::vector<Index>{0, 5});
    merged.merge(set);
    QCOMPARE(merged.count(), Index(6));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, merged.merge(TokenSet(10)));
}

void TestChartData::binCountsSumToTheValidTokens() {
    const auto values = angleValues(50000, 11);
    const Summary summary = summarize(values);
    for (int bins : {1, 13, 64, 500}) {
        const ValueRange range = default_histogram_range(Metric::AngleToUniformDeg, summary);
        const Histogram histogram = histogram_of(values, range.low, range.high, bins);
        const auto total =
            std::accumulate(histogram.counts.begin(), histogram.counts.end(), std::int64_t(0));
        QCOMPARE(total, validCount(values));
        QCOMPARE(histogram.below + histogram.above, std::int64_t(0));
    }
}

void TestChartData::heatmapRowsAreTheSitesHistograms() {
    const auto first = angleValues(3000, 1);
    const auto second = angleValues(5000, 2);
    const std::vector<std::vector<float>> values{first, {}, second};
    const std::vector<std::shared_ptr<const ColumnSource>> sites{
        std::make_shared<test::MemoryColumns>(columnsOf(first)), nullptr,
        std::make_shared<test::MemoryColumns>(columnsOf(second))};
    const HeatmapBins heatmap = heatmap_bins(sites, Metric::Norm, 80.0, 100.0, 25);
    QCOMPARE(heatmap.counts.rows(), Index(3));
    QCOMPARE(heatmap.bins(), 25);
    for (SiteIndex site = 0; site < sites.size(); ++site) {
        const Histogram histogram = histogram_of(values[site], 80.0, 100.0, 25);
        for (int bin = 0; bin < 25; ++bin)
            QCOMPARE(heatmap.counts(Index(site), bin), histogram.counts[std::size_t(bin)]);
    }
    QCOMPARE(heatmap.counts.row(1).sum(), std::int64_t(0));
    QCOMPARE(heatmap_bins(sites, Metric::RotationDeg, 80.0, 100.0, 5).counts.sum(),
             std::int64_t(0));
    std::vector<SiteSummary> summaries(3);
    for (SiteIndex site : {0u, 2u})
        summaries[site].metrics.assign(std::size_t(kInputMetricCount), summarize(values[site]));
    const ValueRange range = values_range(summaries, Metric::Norm);
    const HeatmapBins whole = heatmap_bins(sites, Metric::Norm, range.low, range.high, 40);
    QCOMPARE(whole.counts.row(0).sum(), validCount(first));
    QCOMPARE(whole.counts.row(2).sum(), validCount(second));
}

void TestChartData::rowFractionsSumToOne() {
    CountMatrix counts(2, 3);
    counts << 1, 3, 0, 0, 0, 0;
    const Eigen::MatrixXd fractions = row_fractions(counts);
    QCOMPARE(fractions(0, 0), 0.25);
    QCOMPARE(fractions(0, 1), 0.75);
    QCOMPARE(fractions.row(1).sum(), 0.0);
}

void TestChartData::stackedBarsSplitEachBin_data() {
    QTest::addColumn<bool>("logCounts");
    QTest::newRow("linear") << false;
    QTest::newRow("log") << true;
}

void TestChartData::stackedBarsSplitEachBin() {
    QFETCH(bool, logCounts);
    const auto values = angleValues(6000, 3);
    const auto columns = columnsOf(values);
    const Histogram site = histogram_of(values, 80.0, 100.0, 30);
    const TokenSet tokens = column_tokens_in_bins(columns, Metric::Norm, site, 10, 17);
    const Histogram selection =
        column_histogram_of_tokens(columns, Metric::Norm, tokens, 80.0, 100.0, 30);
    const HistogramBars bars = histogram_bars(site, &selection, logCounts);
    QCOMPARE(bars.edges.size(), std::size_t(31));
    QCOMPARE(bars.edges.front(), 80.0);
    QCOMPARE(bars.edges.back(), 100.0);
    for (std::size_t bin = 0; bin < 30; ++bin) {
        const double count = double(site.counts[bin]);
        const double whole = logCounts ? std::log10(1.0 + count) : count;
        QVERIFY(std::abs(bars.selected[bin] + bars.rest[bin] - whole) < 1e-12);
        QCOMPARE(bars.selected[bin] > 0, bin >= 10 && bin <= 17 && count > 0);
    }
    const HistogramBars plain = histogram_bars(site, nullptr, false);
    QCOMPARE(plain.rest[12], double(site.counts[12]));
    QCOMPARE(plain.selected[12], 0.0);
}

void TestChartData::curveFollowsTheSummaries() {
    std::vector<SiteSummary> sites(3);
    for (SiteIndex site = 0; site < sites.size(); ++site) {
        const auto values = angleValues(1000 + 100 * site, unsigned(site));
        const int columns = site == 1 ? kInputMetricCount : kMetricCount;
        sites[site].metrics.assign(std::size_t(columns), summarize(values));
    }
    const LayerCurve angle = layer_curve(sites, Metric::AngleToUniformDeg);
    QCOMPARE(angle.size(), std::size_t(3));
    for (SiteIndex site = 0; site < 3; ++site) {
        const Summary& expected = sites[site].metrics[0];
        QCOMPARE(angle.mean[site], expected.mean);
        QCOMPARE(angle.std[site], expected.std);
        QCOMPARE(angle.min[site], expected.min);
        QCOMPARE(angle.max[site], expected.max);
        QCOMPARE(angle.count[site], expected.count);
    }
    const LayerCurve rotation = layer_curve(sites, Metric::RotationDeg);
    QVERIFY(std::isnan(rotation.mean[1]));
    QCOMPARE(rotation.count[1], std::int64_t(0));
    QVERIFY(!std::isnan(rotation.mean[2]));
}

void TestChartData::selectionCurveSummarizesTheTokensAtEverySite() {
    const auto first = angleValues(800, 21);
    const auto second = angleValues(800, 22);
    const std::vector<std::shared_ptr<const ColumnSource>> sites{
        std::make_shared<test::MemoryColumns>(columnsOf(first)), nullptr,
        std::make_shared<test::MemoryColumns>(columnsOf(second))};
    const TokenSet tokens = TokenSet::of(800, std::vector<Index>{3, 5, 8, 13, 21, 34, 700});
    const LayerCurve curve = layer_curve_of_tokens(sites, Metric::Norm, tokens);
    QCOMPARE(curve.size(), std::size_t(3));
    QVERIFY(std::abs(curve.mean[0] - summarize(subsetOf(first, tokens)).mean) < 1e-12);
    QCOMPARE(curve.max[2], summarize(subsetOf(second, tokens)).max);
    QCOMPARE(curve.count[0], std::int64_t(7));
    QVERIFY(std::isnan(curve.mean[1]));
}

void TestChartData::alignedCurvesAndTheirDifference() {
    LayerCurve left{{1.0, 2.0}, {0.1, 0.2}, {0, 0}, {3, 3}, {10, 10}};
    LayerCurve right{{5.0, 7.0, 9.0}, {1, 1, 1}, {0, 0, 0}, {9, 9, 9}, {20, 20, 20}};
    const std::vector<AlignedSite> rows{{0, 0, "a"}, {std::nullopt, 1, "b"}, {1, 2, "c"}};
    const LayerCurve alignedLeft = aligned_curve(left, rows, Side::Left);
    const LayerCurve alignedRight = aligned_curve(right, rows, Side::Right);
    QCOMPARE(alignedLeft.mean[2], 2.0);
    QVERIFY(std::isnan(alignedLeft.mean[1]));
    QCOMPARE(alignedLeft.count[1], std::int64_t(0));
    QCOMPARE(alignedRight.mean[1], 7.0);
    const auto differences = mean_differences(alignedLeft, alignedRight);
    QCOMPARE(differences[0], 4.0);
    QVERIFY(std::isnan(differences[1]));
    QCOMPARE(differences[2], 7.0);
}

void TestChartData::selectionStatisticsAreThoseOfTheSubset() {
    const auto values = angleValues(4000, 5);
    const auto columns = columnsOf(values);
    const Histogram edges(88.0, 95.0, 7);
    const TokenSet tokens = column_tokens_in_bins(columns, Metric::Norm, edges, 0, 6);
    const std::vector<float> subset = subsetOf(values, tokens);
    const Summary expected = summarize(subset);
    const Summary actual = column_summary_of_tokens(columns, Metric::Norm, tokens);
    QCOMPARE(actual.count, expected.count);
    QVERIFY(std::abs(actual.mean - expected.mean) < 1e-12);
    QCOMPARE(actual.p50, expected.p50);
    QVERIFY(actual.min >= 88.0 && actual.max <= 95.0);
    const Histogram histogram =
        column_histogram_of_tokens(columns, Metric::Norm, tokens, 80.0, 100.0, 20);
    QCOMPARE(histogram.counts, histogram_of(subset, 80.0, 100.0, 20).counts);
    QCOMPARE(column_summary_of_tokens(columns, Metric::Norm, TokenSet(4000)).count,
             std::int64_t(0));
    const Moments moments = column_moments_of_tokens(columns, Metric::Norm, tokens);
    QCOMPARE(moments.count, expected.count);
    QVERIFY(std::abs(moments.mean - expected.mean) < 1e-9);
    QVERIFY(std::abs(moments.std() - expected.std) < 1e-9);
    QCOMPARE(moments.max, expected.max);

    // Past the sketch's exact limit (8192 values): every percentile within its 0.4 % bound.
    const auto many = angleValues(30000, 11);
    const auto manyColumns = columnsOf(many);
    const TokenSet most = column_tokens_in_bins(manyColumns, Metric::Norm, edges, 1, 6);
    const Summary exact = summarize(subsetOf(many, most));
    const Summary sketched = column_summary_of_tokens(manyColumns, Metric::Norm, most);
    QVERIFY(exact.count > 8192);
    QCOMPARE(sketched.count, exact.count);
    QVERIFY(std::abs(sketched.mean - exact.mean) < 1e-9);
    for (const auto& [got, want] :
         {std::pair{sketched.p01, exact.p01}, std::pair{sketched.p50, exact.p50},
          std::pair{sketched.p99, exact.p99}})
        QVERIFY2(std::abs(got - want) <= 0.004 * std::abs(want),
                 qPrintable(QString("%1 vs %2").arg(got).arg(want)));
}

void TestChartData::blocksCoverTheColumn() {
    const auto values = angleValues(1000, 9);
    const auto columns = columnsOf(values);
    std::vector<float> read;
    Index expected_first = 0;
    for_each_block(columns, Metric::Sigma, [&](Index first, std::span<const float> block) {
        QCOMPARE(first, expected_first);
        QVERIFY(Index(block.size()) <= kBlockRows);
        read.insert(read.end(), block.begin(), block.end());
        expected_first += Index(block.size());
    });
    QCOMPARE(read.size(), values.size());
    QVERIFY(
        std::equal(read.begin(), read.end(), values.begin(), values.end(),
                   [](float a, float b) { return a == b || (std::isnan(a) && std::isnan(b)); }));
    const std::vector<Index> tokens{0, 1, 36, 37, 500, 999};
    const std::vector<float> gathered = gather_values(columns, Metric::Rms, tokens);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        QCOMPARE(gathered[i], values[std::size_t(tokens[i])]);
    QCOMPARE(value_at(columns, Metric::Norm, 500), values[500]);
    try {
        value_at(columns, Metric::RotationDeg, 0);
        QFAIL("no error");
    } catch (const RequestError& error) {
        QCOMPARE(QString(error.what()),
                 "memory: rotation_deg: this site has no such metric (it needs the module's "
                 "output)");
    }
    try {
        value_at(columns, Metric::Norm, 1000);
        QFAIL("no error");
    } catch (const RequestError& error) {
        QCOMPARE(QString(error.what()),
                 "memory: rows 1000 to 1001 are outside the site's 1000 tokens");
    }
    const std::atomic<bool> cancel(true);
    QVERIFY_THROWS_EXCEPTION(
        CancelledError, for_each_block(
                            columns, Metric::Norm, [](Index, std::span<const float>) {}, &cancel));
}

void TestChartData::defaultRange_data() {
    QTest::addColumn<int>("metric");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    const int angle = int(Metric::AngleToUniformDeg);
    QTest::newRow("angle inside the window") << angle << 85.2 << 94.1 << 80.0 << 100.0;
    QTest::newRow("angle beyond it") << angle << 62.4 << 101.5 << 62.0 << 102.0;
    QTest::newRow("norm: the data") << int(Metric::Norm) << 3.0 << 17.5 << 3.0 << 17.5;
    QTest::newRow("norm: the data as kept in float")
        << int(Metric::Norm) << 2.9999999999 << 17.50000000001 << 3.0 << 17.5;
    QTest::newRow("one value gets width") << int(Metric::Sigma) << 2.0 << 2.0 << 1.5 << 2.5;
}

void TestChartData::defaultRange() {
    QFETCH(int, metric);
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, low);
    QFETCH(double, high);
    Summary summary{10, (min + max) / 2, 1, min, max, min, (min + max) / 2, max};
    const ValueRange range = default_histogram_range(Metric(metric), summary);
    QCOMPARE(range.low, low);
    QCOMPARE(range.high, high);
}

void TestChartData::siteLabels_data() {
    QTest::addColumn<int>("layer");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("label");
    QTest::newRow("block norm") << 3 << "ln1" << QString::fromUtf8("3\u00b7ln1");
    QTest::newRow("final") << 4 << "final"
                           << "final";
    QTest::newRow("layer only") << 2 << ""
                                << "2";
    QTest::newRow("outside the blocks") << -1 << "embed"
                                        << "embed";
    QTest::newRow("unknown") << -1 << ""
                             << "007";
}

void TestChartData::siteLabels() {
    QFETCH(int, layer);
    QFETCH(QString, name);
    QFETCH(QString, label);
    SiteInfo site = namedSite(layer, name.toStdString());
    site.key = "007";
    QCOMPARE(QString::fromStdString(site_label(site)), label);
}

void TestChartData::sitePlacement() {
    SiteInfo site = namedSite(0, "q_norm.h3");
    QCOMPARE(QString::fromStdString(site_placement(site)), QString());
    site.stack = "decoder";
    site.role = "inside-attention";
    site.head = 3;
    site.call = 1;
    QCOMPARE(QString::fromStdString(site_placement(site)),
             QString::fromUtf8("decoder \u00b7 inside-attention \u00b7 head 3 \u00b7 call 1"));
    site = namedSite(2, "post_mlp");
    site.role = "post-mlp";
    site.slot = 0;
    QCOMPARE(QString::fromStdString(site_placement(site)),
             QString::fromUtf8("post-mlp \u00b7 slot 0"));
}

void TestChartData::alignsSitesByLayerAndName() {
    const std::vector<SiteInfo> left{namedSite(0, "ln1"), namedSite(0, "ln2"), namedSite(1, "ln1"),
                                     namedSite(2, "final")};
    const std::vector<SiteInfo> right{namedSite(0, "ln1"), namedSite(1, "ln1"), namedSite(1, "ln2"),
                                      namedSite(2, "final")};
    const auto rows = align_sites(left, right);
    QCOMPARE(rows.size(), std::size_t(5));
    const std::vector<std::pair<std::optional<std::size_t>, std::optional<std::size_t>>> expected{
        {0, 0}, {1, std::nullopt}, {2, 1}, {std::nullopt, 2}, {3, 3}};
    for (std::size_t row = 0; row < rows.size(); ++row) {
        QCOMPARE(rows[row].left, expected[row].first);
        QCOMPARE(rows[row].right, expected[row].second);
    }
    QCOMPARE(QString::fromStdString(rows[3].label), QString::fromUtf8("1\u00b7ln2"));
}

void TestChartData::alignsUnnamedSitesByPosition() {
    std::vector<SiteInfo> left(3), right(2);
    const auto rows = align_sites(left, right);
    QCOMPARE(rows.size(), std::size_t(3));
    QCOMPARE(rows[1].right, std::optional<std::size_t>(1));
    QCOMPARE(rows[2].right, std::optional<std::size_t>());
}

QTEST_APPLESS_MAIN(TestChartData)
#include "test_chart_data.moc"
