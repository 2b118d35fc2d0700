// What charts and tables write, computed in core: tick positions and labels as matplotlib's
// MaxNLocator and offset formatter give them (distinct labels for a nearly constant metric),
// sites labelled every k-th when they crowd, text fitted to a width (wrapped at path separators,
// then shortened in the middle), module paths said once in tables, and representative tokens.

#include <QtTest>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/charts/axis_ticks.h"
#include "core/charts/text_fitting.h"
#include "core/reports/module_names.h"
#include "core/tokens/representative_tokens.h"

using namespace lngeom;

namespace {

// One unit per character (UTF-8 sequences count once).
double characters(std::string_view text) {
    double count = 0;
    for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

const std::string kPath =
    "Encoder_en/KonaTransformer/Encode/Layer_12/TransformerLayer/FFN/layer_prepostprocess/"
    "layer_norm/normalization_with_gain_and_bias_parameters_____";

SiteInfo siteWithModule(const std::string& module) {
    SiteInfo site;
    site.module = module;
    return site;
}

}  // namespace

class TestChartText : public QObject {
    Q_OBJECT

  private slots:
    void ticksAtRoundSteps_data() {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<int>("most");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QString>("note");
        QTest::newRow("angles") << 80.0 << 100.0 << 6 << QStringList{"80", "85", "90", "95", "100"}
                                << "";
        QTest::newRow("steps of 2.5")
            << 0.0 << 10.0 << 5 << QStringList{"0.0", "2.5", "5.0", "7.5", "10.0"} << "";
        QTest::newRow("negative") << -3.0 << 3.0 << 3 << QStringList{"-2", "0", "2"} << "";
        QTest::newRow("large counts")
            << 0.0 << 2.3e6 << 6 << QStringList{"0.0", "0.5", "1.0", "1.5", "2.0"} << "×1e6";
        QTest::newRow("small values")
            << 0.0001 << 0.00035 << 5 << QStringList{"1", "2", "3"} << "×1e-4";
        QTest::newRow("‖y‖ constant to 1e-6")
            << 11.3137055 << 11.3137112 << 6
            << QStringList{"0.6", "0.7", "0.8", "0.9", "1.0", "1.1"} << "×1e-5 +11.3137";
    }

    void ticksAtRoundSteps() {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(int, most);
        QFETCH(QStringList, labels);
        QFETCH(QString, note);
        const AxisTicks ticks = axis_ticks(low, high, most);
        QStringList written;
        for (const std::string& label : ticks.labels) written << QString::fromStdString(label);
        QCOMPARE(written, labels);
        QCOMPARE(QString::fromStdString(ticks.note), note);
        QVERIFY(int(ticks.positions.size()) <= most);
        for (double position : ticks.positions) QVERIFY(position >= low && position <= high);
    }

    // Over many ranges: at most `most` ticks, labels all different.
    void labelsAreDistinctForAnyRange() {
        for (double centre : {0.0, 1e-7, 11.3137, -250.0, 4e9})
            for (double spread : {1e-9, 3e-6, 0.02, 1.0, 17.0, 1e5})
                for (int most : {2, 4, 7, 11}) {
                    // Beyond a double's 16 digits no label can tell the ticks apart.
                    if (spread < 1e-9 * std::abs(centre)) continue;
                    const double low = centre - spread, high = centre + 2 * spread;
                    const AxisTicks ticks = axis_ticks(low, high, most);
                    QVERIFY(!ticks.positions.empty());
                    QVERIFY(int(ticks.positions.size()) <= std::max(most, 2));
                    const std::set<std::string> distinct(ticks.labels.begin(), ticks.labels.end());
                    QVERIFY2(distinct.size() == ticks.labels.size(),
                             qPrintable(QString("%1 ± %2").arg(centre).arg(spread)));
                }
    }

    void crowdedCategoriesThinOut_data() {
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("fit");
        QTest::addColumn<int>("stride");
        QTest::newRow("one site") << 1 << 12 << 1;
        QTest::newRow("all fit") << 9 << 12 << 1;
        QTest::newRow("every second") << 24 << 12 << 2;
        QTest::newRow("every fifth") << 50 << 12 << 5;
        QTest::newRow("129 sites, narrow") << 129 << 7 << 20;
        QTest::newRow("129 sites, wide") << 129 << 30 << 5;
    }

    void crowdedCategoriesThinOut() {
        QFETCH(int, count);
        QFETCH(int, fit);
        QFETCH(int, stride);
        const auto kept = thinned_categories(std::size_t(count), std::size_t(fit));
        QVERIFY(int(kept.size()) <= fit);
        QCOMPARE(kept.front(), std::size_t(0));
        if (kept.size() > 1) QCOMPARE(int(kept[1] - kept[0]), stride);
    }

    void shortTextStaysOnOneLine() {
        QCOMPARE(fit_text("angle to 1 (°)", 40, 2, characters),
                 std::vector<std::string>{"angle to 1 (°)"});
    }

    // A module path has no spaces: it wraps after its separators, and beyond two lines keeps
    // its beginning and its end around "…".
    // A number is never cut at its decimal point (nor at a thousands' comma).
    void numbersStayWhole() {
        const auto lines = fit_text("fit: α = 0.5175, RMS residual 12,345.6", 16, 3, characters);
        QCOMPARE(lines, (std::vector<std::string>{"fit: α = 0.5175,", "RMS residual", "12,345.6"}));
    }

    void longPathWrapsThenShortensInTheMiddle() {
        const std::string title = "model: angle to 1 (°) at " + kPath;
        const auto two = fit_text(title, 80, 2, characters);
        QCOMPARE(two.size(), std::size_t(2));
        for (const std::string& line : two) QVERIFY(characters(line) <= 80);
        const auto shortened = fit_text(title, 30, 2, characters);
        QCOMPARE(shortened.size(), std::size_t(2));
        std::string joined = shortened[0] + shortened[1];
        QVERIFY2(joined.starts_with("model:"), joined.c_str());
        QVERIFY2(joined.ends_with("_____"), joined.c_str());
        QVERIFY2(joined.find("…") != std::string::npos, joined.c_str());
        for (const std::string& line : shortened) QVERIFY(characters(line) <= 30);
    }

    void narrowestWidthStillFits() {
        for (double width : {1.0, 2.0, 5.0}) {
            const auto lines = fit_text(kPath, width, 2, characters);
            QVERIFY(!lines.empty() && lines.size() <= 2);
            for (const std::string& line : lines)
                QVERIFY2(characters(line) <= std::max(width, 1.0), line.c_str());
        }
    }

    void modulePathsSaidOnce() {
        std::vector<SiteInfo> sites;
        for (int layer = 0; layer < 3; ++layer)
            sites.push_back(
                siteWithModule("model.layers." + std::to_string(layer) + ".input_layernorm"));
        sites.push_back(siteWithModule("model.norm"));
        const ShortModuleNames names = short_module_names(sites);
        QCOMPARE(names.prefix, std::string("model."));
        QCOMPARE(names.names[0], std::string("layers.0.input_layernorm"));
        QCOMPARE(names.names[3], std::string("norm"));
        const ShortModuleNames tf =
            short_module_names({siteWithModule(kPath), siteWithModule(kPath + "_2")});
        QCOMPARE(tf.prefix, std::string("Encoder_en/KonaTransformer/Encode/Layer_12/"
                                        "TransformerLayer/FFN/layer_prepostprocess/"
                                        "layer_norm/"));
        for (const std::string& name : tf.names) QVERIFY(characters(name) <= 48);
        QCOMPARE(short_module_names({siteWithModule("ln_f")}).names[0], std::string("ln_f"));
    }

    void representativeTokensSpanTheRange() {
        const std::vector<float> norms{3.0f, NAN, 0.1f, 100.0f, 7.0f, 5.0f};
        QCOMPARE(representative_tokens(norms, 3), (std::vector<Index>{2, 5, 3}));
        QCOMPARE(representative_tokens(norms, 1), (std::vector<Index>{5}));
        QCOMPARE(representative_tokens(std::vector<float>{NAN}, 3), std::vector<Index>{});
        QCOMPARE(representative_tokens(std::vector<float>{2.0f}, 3), std::vector<Index>{0});
    }
};

QTEST_GUILESS_MAIN(TestChartText)
#include "test_chart_text.moc"
