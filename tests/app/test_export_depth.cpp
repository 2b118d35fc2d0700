// `lngeom export --view norm-growth|massive` as a user runs it without a display: on the sample,
// on a 129-site dump with 130-character module paths, on planted massive activations and on a
// dump of one site; the figure is written with its recipe, the recipe draws it again, the SVG's
// text says what the figure found (massive tokens or none, relative updates or why none).
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/app/export_fixture.h"

using namespace lngeom::test;

namespace {

const QString kFigureDumps = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/figure-dumps/");
const QString kMassive = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/analysis-fixtures/massive.h5");

}  // namespace

class TestExportDepth : public QObject {
    Q_OBJECT

    ExportFixture fixture_;

    void addDumps() {
        QTest::addColumn<QString>("view");
        QTest::addColumn<QString>("dump");
        QTest::addColumn<QStringList>("said");  // in the SVG's text
        QTest::newRow("norm growth, sample")
            << "norm-growth" << kLayerNorm
            << QStringList{"entering the norms", "mean ‖x‖", "median ‖x‖", "relative update"};
        QTest::newRow("norm growth, 129 sites")
            << "norm-growth" << kFigureDumps + "long-names.h5"
            << QStringList{"KonaTransformer", "mean ‖x‖", "relative update", "10¹"};
        QTest::newRow("norm growth, one site") << "norm-growth" << kFigureDumps + "one-site.h5"
                                               << QStringList{"no relative update", "mean ‖x‖"};
        QTest::newRow("massive, sample: none")
            << "massive" << kLayerNorm
            << QStringList{"no token is massive", "top-1 |x|", "median |x|", "threshold"};
        QTest::newRow("massive, planted")
            << "massive" << kMassive
            << QStringList{"massive tokens at 3 of 4 sites", "top-3 |x|", "10³"};
        QTest::newRow("massive, 129 sites")
            << "massive" << kFigureDumps + "long-names.h5"
            << QStringList{"no token is massive", "top-2 |x|", "|x| (log scale)", "10³"};
    }

  private slots:
    void pngAndRecipeDrawAgain_data() { addDumps(); }
    void pngAndRecipeDrawAgain() {
        QFETCH(QString, view);
        QFETCH(QString, dump);
        const QString png = fixture_.output(QString(QTest::currentDataTag()) + ".png");
        const CommandRun run = runLngeom(
            {"export", dump, "--view", view, "--out", png, "--scale", "1"}, fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(640, 440));
        QVERIFY(fractionOfPixelsNear(image, Qt::white, 8) < 0.97);
        QFile recipeFile(png + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(recipeFile.readAll()).object()["view"].toString(), view);
        const QString differs =
            fixture_.redrawDiffers(png, QString(QTest::currentDataTag()) + " again", 0.5);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    void svgSaysWhatItFound_data() { addDumps(); }
    void svgSaysWhatItFound() {
        QFETCH(QString, view);
        QFETCH(QString, dump);
        QFETCH(QStringList, said);
        const QString svg = fixture_.output(QString(QTest::currentDataTag()) + ".svg");
        const CommandRun run =
            runLngeom({"export", dump, "--view", view, "--out", svg}, fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString parseError;
        const SvgCounts counts = countSvg(svg, &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        QCOMPARE(counts.images, 0);
        for (const QString& text : said)
            QVERIFY2(counts.allText.contains(text),
                     qPrintable("'" + text + "' not in: " + counts.allText));
    }

    void figuresIncludeBoth() {
        const QString directory = fixture_.output("set");
        const CommandRun run = runLngeom(
            {"figures", kLayerNorm, "--out", directory, "--scale", "1"}, fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        for (const char* name : {"norm-growth", "massive"}) {
            QVERIFY2(QFile::exists(directory + "/" + name + ".png"), name);
            QVERIFY2(QFile::exists(directory + "/" + name + ".png.recipe.json"), name);
        }
    }
};

QTEST_GUILESS_MAIN(TestExportDepth)
#include "test_export_depth.moc"
