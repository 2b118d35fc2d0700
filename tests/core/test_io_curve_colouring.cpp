// What colours the input–output curve's points (core/charts/io_curve_colouring): on the dump with
// massive activations planted at dimensions 7 (2500), 42 (−1800) and 13 (300) of site 002
// (make_analysis_fixtures.py), colouring by channel singles out exactly those channels first, by
// their peaks, and spreads the thinned other channels over every remaining channel; colouring by
// token spans the smallest to the largest σₜ; both stay within their point budget and inside the
// plotted ranges; the names round-trip and an unknown one is refused.
#include <QTest>

#include <algorithm>
#include <set>

#include "core/charts/io_curve_colouring.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

namespace {

constexpr SiteIndex kPlantedSite = 2;

Index pointCount(const std::vector<IoCurveGroup>& groups) {
    Index total = 0;
    for (const IoCurveGroup& group : groups) total += Index(group.points.size());
    return total;
}

bool insideDensity(const IoCurveSample& sample, Index j) {
    const Density2D& box = sample.density;
    return sample.points.input(j) >= box.x_low && sample.points.input(j) <= box.x_high &&
           sample.points.output(j) >= box.y_low && sample.points.output(j) <= box.y_high;
}

}  // namespace

class TestIoCurveColouring : public QObject {
    Q_OBJECT

    IoCurveSample sample_;

  private slots:
    void initTestCase() {
        const Dump dump = Dump::open(test::analysis_fixture("massive.h5"));
        sample_ = sample_io_curve(dump, kPlantedSite);
        QCOMPARE(sample_.d, Index(64));
        QCOMPARE(Index(sample_.tokens.size()), sample_.n_tokens);  // every row standardized
    }

    void namesRoundTrip() {
        for (const auto& [colouring, name] : kIoCurveColouringNames) {
            QCOMPARE(io_curve_colouring_name(colouring), name);
            QCOMPARE(io_curve_colouring_named(name), std::optional(colouring));
        }
        QCOMPARE(io_curve_colouring_named("rainbow"), std::nullopt);
        QCOMPARE(io_curve_colouring_names(), std::string("density, channel or token"));
    }

    void channelsOfThePlantedPeaksComeFirst_data() {
        QTest::addColumn<int>("channels");
        QTest::addColumn<qint64>("budget");
        QTest::newRow("default") << kIoCurveChannels << qint64(kIoCurveScatterPoints);
        QTest::newRow("three channels, 1000 points") << 3 << qint64(1000);
        QTest::newRow("one channel, 64 points") << 1 << qint64(64);
    }

    void channelsOfThePlantedPeaksComeFirst() {
        QFETCH(int, channels);
        QFETCH(qint64, budget);
        const std::vector<IoCurveGroup> groups = io_curve_channel_groups(sample_, channels, budget);
        QCOMPARE(int(groups.size()), channels + 1);
        const std::vector<std::pair<Index, double>> planted{{7, 2500.0}, {42, 1800.0}, {13, 300.0}};
        for (std::size_t k = 0; k < std::min<std::size_t>(3, std::size_t(channels)); ++k) {
            QCOMPARE(groups[k].key, planted[k].first);
            QCOMPARE(groups[k].value, planted[k].second);
        }
        QVERIFY(pointCount(groups) <= budget);
        std::set<Index> coloured, others;
        for (const IoCurveGroup& group : groups) {
            if (group.key >= 0) coloured.insert(group.key);
            for (Index j : group.points) {
                QVERIFY(insideDensity(sample_, j));
                const Index channel = sample_.points.channel(j);
                if (group.key >= 0)
                    QCOMPARE(channel, group.key);
                else
                    others.insert(channel);
            }
        }
        QCOMPARE(groups.back().key, Index(-1));
        for (Index channel : coloured) QVERIFY(!others.contains(channel));
        // The thinning steps across rows, so the grey points cover every other channel (or, with
        // fewer grey points than channels, each on a channel of its own).
        QCOMPARE(Index(others.size()),
                 std::min<Index>(sample_.d - channels, Index(groups.back().points.size())));
    }

    void tokensSpanTheirScales_data() {
        QTest::addColumn<int>("tokens");
        QTest::addColumn<qint64>("budget");
        QTest::newRow("default") << kIoCurveTokens << qint64(kIoCurveScatterPoints);
        QTest::newRow("five tokens, 100 points") << 5 << qint64(100);
        QTest::newRow("more tokens than the site has") << 1000 << qint64(kIoCurveScatterPoints);
        QTest::newRow("one token") << 1 << qint64(kIoCurveScatterPoints);
    }

    void tokensSpanTheirScales() {
        QFETCH(int, tokens);
        QFETCH(qint64, budget);
        const std::vector<IoCurveGroup> groups = io_curve_token_groups(sample_, tokens, budget);
        QCOMPARE(Index(groups.size()), std::min<Index>(tokens, sample_.n_tokens));
        QVERIFY(pointCount(groups) <= std::max<Index>(budget, Index(groups.size())));
        const auto [smallest, largest] = std::minmax_element(
            sample_.tokens.begin(), sample_.tokens.end(),
            [](const IoCurveLine& a, const IoCurveLine& b) { return a.scale < b.scale; });
        QCOMPARE(groups.front().value, smallest->scale);
        if (groups.size() > 1) QCOMPARE(groups.back().value, largest->scale);
        for (std::size_t k = 0; k < groups.size(); ++k) {
            if (k > 0) QVERIFY(groups[k - 1].value <= groups[k].value);
            QVERIFY(!groups[k].points.empty());
            for (Index j : groups[k].points) {
                QCOMPARE(Index(sample_.points.token(j)), groups[k].key);
                QVERIFY(insideDensity(sample_, j));
            }
        }
    }

    void noPointsNoGroups() {
        const IoCurveSample empty;
        QVERIFY(io_curve_channel_groups(empty).empty());
        QVERIFY(io_curve_token_groups(empty).empty());
    }
};

QTEST_GUILESS_MAIN(TestIoCurveColouring)
#include "test_io_curve_colouring.moc"
