// `lngeom export --view step` and `--view histograms`: the step-through of one or several tokens
// and every site's histogram as small multiples, in PNG, SVG and PDF with real text.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "tests/app/export_fixture.h"

using namespace lngeom::test;

class TestExportStep : public QObject {
    Q_OBJECT

    ExportFixture fixture_;

  private slots:
    void stepThroughPng_data() {
        QTest::addColumn<int>("step");
        QTest::newRow("x") << 0;
        QTest::newRow("gamma y + beta") << 4;
    }
    void stepThroughPng() {
        QFETCH(int, step);
        const QString path = fixture_.output(QString("step%1.png").arg(step));
        const CommandRun run =
            runLngeom({"export", kLayerNorm, "--view", "step", "--token", "7", "--step",
                       QString::number(step), "--size", "400x300", "--scale", "2", "--out", path},
                      fixture_.cache());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(QImage(path).size(), QSize(800, 600));
        QFile recipeFile(path + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["tokens"].toArray(), QJsonArray{7});
        QCOMPARE(recipe["step"].toInt(), step);
    }
    // Several tokens are walked side by side, each labelled at its tip, and the recipe keeps
    // them.
    void stepThroughOfSeveralTokens() {
        const QString svg = fixture_.output("step-three.svg");
        const CommandRun run = fixture_.exportSample(
            svg, {"--view", "step", "--tokens", "7,20,300", "--step", "3", "--size", "720x480"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QFile recipeFile(svg + ".recipe.json");
        QVERIFY(recipeFile.open(QIODevice::ReadOnly));
        const QJsonObject recipe = QJsonDocument::fromJson(recipeFile.readAll()).object();
        QCOMPARE(recipe["tokens"].toArray(), (QJsonArray{7, 20, 300}));
        QString parseError;
        const SvgCounts counts = countSvg(svg, &parseError);
        QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
        for (const char* text :
             {"#7", "#20", "#300", "token 20", "step 3 of 4", "y = x⊥ / √(σ² + ε)"})
            QVERIFY2(counts.allText.contains(QString::fromUtf8(text)),
                     qPrintable(text + (": " + counts.allText)));
    }

    // SVG and PDF with real text: the step's formula, each token and its numbers read back.
    void stepThroughAsPdfReadsBack() {
        const QString pdf = fixture_.output("step.pdf");
        const CommandRun run =
            fixture_.exportSample(pdf, {"--view", "step", "--tokens", "7,20", "--step", "1"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const CommandRun text = runTool("pdftotext", {pdf, "-"});
        QCOMPARE(text.exitCode, 0);
        const QString read = QString::fromUtf8(text.out).simplified();
        for (const char* expected : {"x⊥ = x − μ·1", "token 7", "token 20",
                                     "θ =", "‖x⊥‖ =", "LayerNorm x⊥: ‖·‖ =", "RMSNorm x: ‖·‖ ="})
            QVERIFY2(read.contains(QString::fromUtf8(expected)), qPrintable(read));
        QCOMPARE(runTool("pdfimages", {"-list", pdf}).out.count('\n'), 2);  // the header only
    }

    // Every site's histogram in one figure: a panel titled with each site's short label.
    void histogramsAsSmallMultiples_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("svg") << "svg";
        QTest::newRow("pdf") << "pdf";
        QTest::newRow("png") << "png";
    }

    void histogramsAsSmallMultiples() {
        QFETCH(QString, format);
        const QString path = fixture_.output("histograms." + format);
        const CommandRun run =
            fixture_.exportSample(path, {"--view", "histograms", "--scale", "1"});
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QString text;
        if (format == "svg") {
            QString parseError;
            const SvgCounts counts = countSvg(path, &parseError);
            QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
            text = counts.allText;
        } else if (format == "pdf") {
            text = QString::fromUtf8(runTool("pdftotext", {path, "-"}).out);
        } else {
            const QImage image(path);
            QVERIFY(!image.isNull());
            QVERIFY(fractionOfPixelsNear(image, QColor(70, 110, 190), 30) > 0.002);
            return;
        }
        for (const char* site : {"0·ln1", "0·ln2", "1·ln1", "3·ln2", "final", "angle to 1 (°)"})
            QVERIFY2(text.contains(QString::fromUtf8(site)), qPrintable(site + (": " + text)));
    }
};

QTEST_GUILESS_MAIN(TestExportStep)
#include "test_export_step.moc"
