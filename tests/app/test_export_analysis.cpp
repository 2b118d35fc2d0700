// `lngeom export --view io-curve|ellipsoid` as a user runs it without a display: the input–output
// curve on the sample, on a 129-site dump with ‖x‖ from 0.05·√d to 100·√d and on the tokens
// built to trace tanh(2x) (make_analysis_fixtures.py); the γ-ellipsoid on both samples and the
// 129-site dump, drawn from its geometry (no bitmap in its SVG or PDF) and with a recipe's
// selection; each written as PNG with its recipe (which draws it again), SVG and PDF; sites that
// cannot be drawn (no γ; only constant rows with ε = 0) refused with a message naming the file, the
// site and the reason; both in `lngeom figures`.
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/app/export_fixture.h"

using namespace lngeom::test;

namespace {

const QString kLongNames = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/figure-dumps/long-names.h5");
const QString kIoCurve = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/analysis-fixtures/io-curve.h5");
const QString kMassive = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/analysis-fixtures/massive.h5");
const QString kCentred = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/analysis-fixtures/centred.h5");

QJsonObject recipeOf(const QString& figure) {
    QFile file(figure + ".recipe.json");
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

}  // namespace

class TestExportAnalysis : public QObject {
    Q_OBJECT

    ExportFixture fixture_;

  private slots:
    void ioCurveDrawsAndSaysItsFit_data() {
        QTest::addColumn<QString>("dump");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QStringList>("said");  // in the SVG's text
        QTest::newRow("sample") << kLayerNorm << "1·ln2"
                                << QStringList{"Input–output curve at 1·ln2",
                                               "tanh(α·x) fit: α =", "output (x − μ)"};
        QTest::newRow("wide ‖x‖, 129 sites")
            << kLongNames << "064" << QStringList{"KonaTransformer", "RMS residual", "input"};
        QTest::newRow("known α") << kIoCurve << "000"
                                 << QStringList{"α = 2,", "RMS residual", "(largest σ)"};
    }
    void ioCurveDrawsAndSaysItsFit() {
        QFETCH(QString, dump);
        QFETCH(QString, site);
        QFETCH(QStringList, said);
        const QString tag = QTest::currentDataTag();
        const QString png = fixture_.output("io-" + tag + ".png");
        CommandRun run = runLngeom(
            {"export", dump, "--view", "io-curve", "--site", site, "--out", png, "--scale", "1"},
            fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(640, 440));
        QVERIFY(fractionOfPixelsNear(image, Qt::white, 8) < 0.97);
        QCOMPARE(recipeOf(png)["view"].toString(), QString("io-curve"));
        const QString differs = fixture_.redrawDiffers(png, "io-" + tag + " again", 0.5);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));

        const QString svg = fixture_.output("io-" + tag + ".svg");
        run = runLngeom({"export", dump, "--view", "io-curve", "--site", site, "--out", svg},
                        fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString parseError;
        const SvgCounts counts = countSvg(svg, &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QCOMPARE(counts.images, 0);  // the density is drawn as cells, not as a bitmap
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll().count("<rect") > 100, "the density's cells");
        for (const QString& text : said)
            QVERIFY2(counts.allText.contains(text),
                     qPrintable("'" + text + "' not in: " + counts.allText));
    }

    // --colour channel|token on the planted massive activations (dims 7, 42, 13 of site 002):
    // the recipe keeps the choice, the PNG redraws from it, and the SVG's points are vector
    // shapes, its legend names the planted channels or its colour bar the tokens' σₜ.
    void ioCurveColourings_data() {
        QTest::addColumn<QString>("colouring");
        QTest::addColumn<QStringList>("said");
        QTest::newRow("channel") << "channel"
                                 << QStringList{"channel 7 (max |x| 2.5e+03)", "channel 42",
                                                "other channels", "input xₜ,ᵢ"};
        QTest::newRow("token") << "token"
                               << QStringList{"log₁₀ σₜ of the token (slope 1/σₜ)", "input xₜ,ᵢ"};
    }
    void ioCurveColourings() {
        QFETCH(QString, colouring);
        QFETCH(QStringList, said);
        const QString base = fixture_.output("io-colour-" + colouring);
        const QStringList arguments{kMassive, "--view",   "io-curve", "--site",
                                    "002",    "--colour", colouring};
        CommandRun run = runLngeom(
            QStringList{"export"} + arguments + QStringList{"--out", base + ".png", "--scale", "1"},
            fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(recipeOf(base + ".png")["io_curve"].toObject()["colour"].toString(), colouring);
        const QString differs = fixture_.redrawDiffers(base + ".png", "io-colour again", 0.5);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        run = runLngeom(QStringList{"export"} + arguments + QStringList{"--out", base + ".svg"},
                        fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString parseError;
        const SvgCounts counts = countSvg(base + ".svg", &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QCOMPARE(counts.images, 0);
        QVERIFY2(counts.shapes > 1000, qPrintable(QString::number(counts.shapes)));
        for (const QString& text : said)
            QVERIFY2(counts.allText.contains(text),
                     qPrintable("'" + text + "' not in: " + counts.allText));
    }

    void ellipsoidDrawsWithItsRecipe_data() {
        QTest::addColumn<QString>("dump");
        QTest::addColumn<QString>("site");
        QTest::addColumn<int>("tokens");
        QTest::addColumn<QStringList>("said");  // in the SVG's and the PDF's text
        QTest::newRow("LayerNorm sample")
            << kLayerNorm << "1·ln2" << 512 << QStringList{"γ-ellipsoid at site 1·ln2",
                                                           "LayerNorm, d = 128",
                                                           "v1 (s = ",
                                                           "share on axes",
                                                           "anisotropy",
                                                           "hyperplane nᵀz = 0"};
        QTest::newRow("RMSNorm sample")
            << sampleDump("sample-rmsnorm.h5") << "003" << 512
            << QStringList{"RMSNorm, d = 128", "(s = ", "RMSNorm: no hyperplane"};
        QTest::newRow("wide ‖x‖, 129 sites")
            << kLongNames << "064" << 96
            << QStringList{"KonaTransformer", "module Encoder_en", "v1 (s = ", "effective axes"};
    }
    void ellipsoidDrawsWithItsRecipe() {
        QFETCH(QString, dump);
        QFETCH(QString, site);
        QFETCH(int, tokens);
        QFETCH(QStringList, said);
        const QString name = "ellipsoid-" + QString(QTest::currentDataTag()).left(8);
        const QString png = fixture_.output(name + ".png");
        CommandRun run = runLngeom(
            {"export", dump, "--view", "ellipsoid", "--site", site, "--out", png, "--scale", "1"},
            fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(820, 640));
        QVERIFY(fractionOfPixelsNear(image, Qt::white, 8) < 0.9);
        const QJsonObject recipe = recipeOf(png);
        QCOMPARE(recipe["view"].toString(), QString("ellipsoid"));
        QCOMPARE(recipe["ellipsoid"].toObject()["axes"].toString(), QString("largest"));
        QVERIFY(recipe.contains("camera"));
        const QString differs = fixture_.redrawDiffers(png, name + " again", 0.5);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));

        // Drawn from its geometry: the outline, the principal ellipses and the axes as lines,
        // one circle per token, the text as text; no bitmap.
        const QString svg = fixture_.output(name + ".svg");
        run = runLngeom({"export", dump, "--view", "ellipsoid", "--site", site, "--out", svg},
                        fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString parseError;
        const SvgCounts counts = countSvg(svg, &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QCOMPARE(counts.images, 0);
        QVERIFY2(counts.shapes >= 8, qPrintable(QString::number(counts.shapes)));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(int(file.readAll().count("<circle")), tokens);
        for (const QString& text : said)
            QVERIFY2(counts.allText.contains(text),
                     qPrintable("'" + text + "' not in: " + counts.allText));

        const QString pdf = fixture_.output(name + ".pdf");
        run = runLngeom({"export", dump, "--view", "ellipsoid", "--site", site, "--out", pdf},
                        fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QString read = QString::fromUtf8(runTool("pdftotext", {pdf, "-"}).out).simplified();
        for (const QString& text : said)
            QVERIFY2(read.contains(text), qPrintable("'" + text + "' not in: " + read));
        QCOMPARE(runTool("pdfimages", {"-list", pdf}).out.count('\n'), 2);  // the header only
    }

    // The recipe's selection and colours: the selected tokens marked in the view's selection
    // colour, the others grey and orange as the view draws them, and no colour bar.
    void ellipsoidMarksTheRecipesSelection() {
        const QString png = fixture_.output("ellipsoid-plain.png");
        CommandRun run = runLngeom({"export", kLayerNorm, "--view", "ellipsoid", "--site", "1·ln2",
                                    "--out", png, "--scale", "1"},
                                   fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QJsonObject recipe = recipeOf(png);
        recipe["selection"] = QJsonArray{3, 17, 400};
        QJsonObject ellipsoid = recipe["ellipsoid"].toObject();
        ellipsoid["colour"] = "selection";
        recipe["ellipsoid"] = ellipsoid;
        const QString recipePath = fixture_.output("ellipsoid-selected.recipe.json");
        QFile file(recipePath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(recipe).toJson());
        file.close();
        const QString svg = fixture_.output("ellipsoid-selected.svg");
        run = runLngeom({"export", "--recipe", recipePath, "--out", svg}, fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile drawn(svg);
        QVERIFY(drawn.open(QIODevice::ReadOnly));
        const QByteArray content = drawn.readAll();
        QCOMPARE(int(content.count("fill=\"#d62096\"")), 3);  // the view's selection colour
        QCOMPARE(int(content.count("fill=\"#ff9e1a\"")), 3);  // the points of the selected
        QVERIFY(!content.contains("share on axes"));
    }

    void sitesThatCannotBeDrawnAreRefused_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("said");
        QTest::newRow("ellipsoid without gamma")
            << QStringList{kCentred, "--view", "ellipsoid", "--site", "000"}
            << QStringList{"centred.h5", "/norms/000", "stores no gamma", "no γ-ellipsoid to draw"};
        QTest::newRow("io-curve of a site without a standardized token")
            << QStringList{kIoCurve, "--view", "io-curve", "--site", "004"}
            << QStringList{"io-curve.h5", "/norms/004",
                           "has 300 tokens and none with a standardization",
                           "so no input-output curve"};
    }
    void sitesThatCannotBeDrawnAreRefused() {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, said);
        const QString png = fixture_.output("refused.png");
        const CommandRun run = runLngeom(
            QStringList{"export"} + arguments + QStringList{"--out", png}, fixture_.cache());
        QCOMPARE(run.exitCode, 1);
        const QString err = QString::fromUtf8(run.err);
        for (const QString& text : said)
            QVERIFY2(err.contains(text), qPrintable("'" + text + "' not in: " + err));
        QVERIFY(!QFile::exists(png));
    }

    void figuresIncludeBoth() {
        const QString directory = fixture_.output("set");
        const CommandRun run = runLngeom(
            {"figures", kLayerNorm, "--out", directory, "--scale", "1"}, fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        for (const char* name : {"io-curve", "ellipsoid"}) {
            QVERIFY2(QFile::exists(directory + "/" + name + ".png"), name);
            QVERIFY2(QFile::exists(directory + "/" + name + ".png.recipe.json"), name);
        }
        // The middle site storing γ: the sample's 2·ln1 of sites 0·ln1 … final.
        QCOMPARE(recipeOf(directory + "/ellipsoid.png")["site"].toString(),
                 recipeOf(directory + "/io-curve.png")["site"].toString());
    }
};

QTEST_GUILESS_MAIN(TestExportAnalysis)
#include "test_export_analysis.moc"
