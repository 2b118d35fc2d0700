// Figures of a dump shaped like a real model's (a 100-character model name, 129 sites with
// 130-character module paths, ‖x‖ from 0.05·√d to 100·√d): every figure kind, at sizes from
// 320 × 240 to 1600 × 1200 points, keeps every text box inside the page and apart from every
// other, and says what it must (titles, the step's formula and tokens, scale notes, ticks that
// tell nearly equal values apart).

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/widgets/sample_documents.h"
#include "tests/widgets/svg_text_boxes.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/figures/figure_renderer.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

const QString kLongNames = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/figure-dumps/long-names.h5");

QString textOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace

class TestFigureLayout : public QObject {
    Q_OBJECT

    std::unique_ptr<DumpDocument> document_;
    QTemporaryDir directory_;

    // Draws `recipe` as SVG at `size` and returns its layout problems.
    QStringList problemsOf(FigureRecipe recipe, QSize size, const QString& name,
                           DumpDocument* comparison = nullptr) {
        recipe.file = kLongNames.toStdString();
        recipe.width = size.width();
        recipe.height = size.height();
        const QString path = directory_.filePath(
            QString("%1-%2x%3.svg").arg(name).arg(size.width()).arg(size.height()));
        renderFigure({*document_, comparison}, recipe, path.toStdString());
        return test::svgFileLayoutProblems(path, QFileInfo(path).fileName());
    }

  private slots:
    void initTestCase() {
        QVERIFY2(QFile::exists(kLongNames), "run the figure_dumps fixture first");
        document_ = test::loadDocument(kLongNames);
        QVERIFY(document_);
    }

    void textStaysInsideAndApart_data() {
        QTest::addColumn<int>("view");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("site");
        QTest::newRow("histogram") << int(FigureView::Histogram) << "angle_to_uniform_deg"
                                   << "100";
        QTest::newRow("nearly constant ‖y‖") << int(FigureView::Histogram) << "ln_standardized_norm"
                                             << "final";
        QTest::newRow("curves over 129 sites") << int(FigureView::Curves) << "norm"
                                               << "000";
        QTest::newRow("heatmap of 129 sites") << int(FigureView::Heatmap) << "angle_to_uniform_deg"
                                              << "000";
        QTest::newRow("small multiples") << int(FigureView::Histograms) << "angle_to_uniform_deg"
                                         << "000";
        QTest::newRow("norm growth over 129 sites") << int(FigureView::NormGrowth) << "norm"
                                                    << "000";
        QTest::newRow("massive activations over 129 sites") << int(FigureView::Massive) << "norm"
                                                            << "000";
        QTest::newRow("step through") << int(FigureView::Step) << "norm"
                                      << "100";
        QTest::newRow("projection") << int(FigureView::Projection) << "angle_to_uniform_deg"
                                    << "100";
    }

    void textStaysInsideAndApart() {
        QFETCH(int, view);
        QFETCH(QString, metric);
        QFETCH(QString, site);
        FigureRecipe recipe;
        recipe.view = FigureView(view);
        recipe.metric = *metric_from_key(metric.toStdString());
        recipe.site = site.toStdString();
        recipe.tokens = {0, 1, 2, 3};
        recipe.step = 1;
        QStringList problems;
        for (const QSize size : {QSize(320, 240), QSize(640, 440), QSize(1600, 1200)})
            problems += problemsOf(recipe, size, QTest::currentDataTag());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
    }

    // The compared dump's curve and the difference of means on the right axis, whose title is
    // long: both inside, the legend clear of the title and the ticks.
    void comparedCurvesStayInsideAndApart() {
        const auto other = test::loadSample("sample-rmsnorm.h5");
        QVERIFY(other);
        FigureRecipe recipe;
        recipe.view = FigureView::Curves;
        recipe.metric = Metric::AngleToUniformDeg;
        recipe.compareFile = other->path().toStdString();
        QStringList problems;
        for (const QSize size : {QSize(320, 240), QSize(640, 440), QSize(1600, 1200)})
            problems += problemsOf(recipe, size, "compared-curves", other.get());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
        const QString svg = textOf(directory_.filePath("compared-curves-640x440.svg"));
        QVERIFY2(svg.contains("difference of means"), qPrintable(svg.left(400)));
        QVERIFY(svg.contains("sample-rmsnorm.h5 mean"));
    }

    // matplotlib's offset: distinct tick labels and the offset beside the axis title.
    void nearlyConstantAxisHasAnOffset() {
        FigureRecipe recipe;
        recipe.view = FigureView::Histogram;
        recipe.metric = Metric::LnStandardizedNorm;
        recipe.site = "final";
        problemsOf(recipe, QSize(640, 440), "offset");
        const QString svg = textOf(directory_.filePath("offset-640x440.svg"));
        QVERIFY2(svg.contains("×1e-5") && svg.contains("+7.9999"), qPrintable(svg.left(2000)));
    }

    // The step figure says the step, its formula, each token and the scale each vector is drawn
    // at: x of 100·√d at 1/k of its length, x of 0.05·√d at k times.
    void stepFigureSaysWhatItDraws() {
        FigureRecipe recipe;
        recipe.view = FigureView::Step;
        recipe.site = "100";
        recipe.tokens = {0, 1, 2, 3};
        recipe.step = 1;
        problemsOf(recipe, QSize(820, 520), "step-text");
        const QString svg = textOf(directory_.filePath("step-text-820x520.svg"));
        for (const char* expected :
             {"step 1 of 4", "x⊥ = x − μ·1", "token 3", "(text 0, position 3)", "θ = ", "‖x⊥‖ = ",
              "σ = ", "RMSNorm x: ‖·‖ = ", "#3 ×1/", "#0 ×", "module Encoder_en"})
            QVERIFY2(svg.contains(QString::fromUtf8(expected)), expected);
    }
};

LNGEOM_WIDGETS_TEST_MAIN(TestFigureLayout)
#include "test_figure_layout.moc"
