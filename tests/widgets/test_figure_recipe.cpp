// Figure recipes without the binary: every setting survives a JSON round trip, recipes written
// before a key existed (the camera as 9 numbers, a single step token, no size) still load, and a
// bad value is refused naming the recipe file and the key.

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "core/errors.h"
#include "widgets/figures/figure_recipe.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

// Every key set away from its default.
FigureRecipe fullRecipe() {
    FigureRecipe recipe;
    recipe.file = "/data/model.h5";
    recipe.dataset = "/hidden";
    recipe.compareFile = "/data/other.h5";
    recipe.compareDataset = "/other";
    recipe.view = FigureView::Histograms;
    recipe.site = "1·ln2";
    recipe.metric = Metric::Norm;
    recipe.bins = 33;
    recipe.range = ValueRange{0.5, 7.25};
    recipe.logCounts = true;
    recipe.overlay = FigureOverlay{"003", Metric::OutputNorm};
    recipe.barColour = "#123456";
    recipe.showSpread = false;
    recipe.showExtremes = false;
    recipe.markCurrentSite = true;
    recipe.rowFractions = false;
    recipe.projection.colour = ProjectionColour::Layer;
    recipe.ioCurve = IoCurveColouring::Channel;
    recipe.ellipsoid.axes = AxisChoice::MostOccupied;
    recipe.ellipsoid.colour = EllipsoidColour::ShellDepth;
    recipe.ellipsoid.maxPoints = 777;
    recipe.selection = {4, 8, Index(1) << 33};
    recipe.tokens = {3, 17, 42};
    recipe.step = 3;
    recipe.width = 900;
    recipe.height = 500;
    recipe.scale = 3.5;
    recipe.transparent = true;
    recipe.camera = CameraPose{{1, 2, 3}, {0.5, 0, 0}, {0, 0, 1}, 20};
    return recipe;
}

QByteArray head() {
    return "{\"lngeom_figure_recipe\": 1, \"file\": \"m.h5\", \"view\": \"histogram\", ";
}

}  // namespace

class TestFigureRecipe : public QObject {
    Q_OBJECT

  private slots:
    void everySettingRoundTrips() {
        const FigureRecipe recipe = fullRecipe();
        const FigureRecipe read = recipeFromJson(recipeToJson(recipe), "r.json");
        QCOMPARE(recipeToJson(read), recipeToJson(recipe));
        QCOMPARE(read.compareFile, recipe.compareFile);
        QCOMPARE(read.compareDataset, recipe.compareDataset);
        QVERIFY(read.view == FigureView::Histograms);
        QVERIFY(read.camera == recipe.camera);
        QCOMPARE(read.selection, recipe.selection);
        QCOMPARE(read.tokens, recipe.tokens);
        QCOMPARE(read.width, 900);
        QVERIFY(read.ellipsoid == recipe.ellipsoid);
        QCOMPARE(read.ioCurve, IoCurveColouring::Channel);
    }

    void everyViewHasAName() {
        for (FigureView view : {FigureView::Histogram, FigureView::Curves, FigureView::Heatmap,
                                FigureView::Projection, FigureView::Step, FigureView::Histograms,
                                FigureView::NormGrowth, FigureView::Massive, FigureView::IoCurve,
                                FigureView::Ellipsoid})
            QVERIFY(figureViewFromName(figureViewName(view)) == view);
        QVERIFY(!figureViewFromName("pie"));
    }

    void olderRecipesLoad() {
        const FigureRecipe read = recipeFromJson(
            head() + "\"camera\": [1, 2, 3, 4, 5, 6, 0, 0, 1], \"token\": 7}", "old.json");
        QVERIFY(read.camera.has_value());
        QVERIFY((read.camera->position == std::array<double, 3>{1, 2, 3}));
        QVERIFY((read.camera->focalPoint == std::array<double, 3>{4, 5, 6}));
        QVERIFY((read.camera->viewUp == std::array<double, 3>{0, 0, 1}));
        QCOMPARE(read.camera->viewAngle, 30.0);
        QCOMPARE(read.tokens, std::vector<Index>{7});
        // No size: the view's default, chosen when it is drawn.
        QCOMPARE(read.width, 0);
        QCOMPARE(read.height, 0);
        QVERIFY(read.compareFile.empty());
    }

    void badRecipeNamesFileAndKey_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown view")
            << QByteArray("{\"lngeom_figure_recipe\": 1, \"file\": \"x.h5\", \"view\": \"pie\"}")
            << "view: 'pie' is not a view lngeom draws";
        QTest::newRow("no view") << QByteArray("{\"lngeom_figure_recipe\": 1, \"file\": \"x.h5\"}")
                                 << "view: is missing from this figure recipe";
        QTest::newRow("no file") << QByteArray(
                                        "{\"lngeom_figure_recipe\": 1, \"view\": \"curves\"}")
                                 << "file: is missing: the recipe names no dump";
        QTest::newRow("not a recipe") << QByteArray("{\"view\": \"curves\"}")
                                      << "lngeom_figure_recipe: is missing: this is not a figure "
                                         "recipe";
        QTest::newRow("unknown I/O curve colouring")
            << head() + "\"io_curve\": {\"colour\": \"rainbow\"}}"
            << "io_curve.colour: 'rainbow' is not one of density, channel, token";
        QTest::newRow("bins as text") << head() + "\"bins\": \"many\"}"
                                      << "bins: must be a whole number";
        QTest::newRow("fractional bins") << head() + "\"bins\": 2.5}"
                                         << "bins: must be a whole number";
        QTest::newRow("no bins") << head() + "\"bins\": 0}"
                                 << "bins: must be at least 1";
        QTest::newRow("range upside down") << head() + "\"range\": [3, 1]}"
                                           << "range: must be [low, high] with low < high";
        QTest::newRow("log counts as number") << head() + "\"log_counts\": 1}"
                                              << "log_counts: must be true or false";
        QTest::newRow("camera of 3") << head() + "\"camera\": [1, 2, 3]}"
                                     << "camera: must be an array of 9 numbers (position, "
                                        "focal point, view-up)";
        QTest::newRow("camera without a focal point")
            << head() + "\"camera\": {\"position\": [1, 2, 3], \"view_up\": [0, 0, 1]}}"
            << "camera.focal_point: missing";
        QTest::newRow("camera angle as text")
            << head() +
                   "\"camera\": {\"position\": [1, 2, 3], \"focal_point\": [0, 0, 0], "
                   "\"view_up\": [0, 0, 1], \"view_angle\": \"wide\"}}"
            << "camera.view_angle: must be a number";
        QTest::newRow("bad bar colour") << head() + "\"bar_colour\": \"reddish\"}"
                                        << "bar_colour: 'reddish' is not a colour (#rrggbb)";
        QTest::newRow("overlay of an unknown metric")
            << head() + "\"overlay\": {\"site\": \"001\", \"metric\": \"angle\"}}"
            << "overlay.metric: 'angle' is not a metric";
        QTest::newRow("projection as a string") << head() + "\"projection\": \"pretty\"}"
                                                << "projection: must be an object";
        QTest::newRow("unknown basis")
            << head() + "\"projection\": {\"basis\": {\"choice\": \"best\"}}}"
            << "projection.basis.choice: 'best' is not one of principal, coordinates, token, "
               "random";
        QTest::newRow("unknown colour mode")
            << head() + "\"projection\": {\"colour\": \"rainbow\"}}"
            << "projection.colour: 'rainbow' is not one of angle_to_uniform, norm, position, "
               "selection, layer";
        QTest::newRow("unknown ellipsoid axes")
            << head() + "\"ellipsoid\": {\"axes\": \"smallest\"}}"
            << "ellipsoid.axes: 'smallest' is not one of largest, most_occupied";
        QTest::newRow("negative seed") << head() + "\"projection\": {\"basis\": {\"seed\": -1}}}"
                                       << "projection.basis.seed: must not be negative";
        QTest::newRow("selection of names") << head() + "\"selection\": [\"a\"]}"
                                            << "selection[0]: must be a token index";
        QTest::newRow("step tokens with a name") << head() + "\"tokens\": [3, \"a\"]}"
                                                 << "tokens[1]: must be a token index";
        QTest::newRow("no step tokens") << head() + "\"tokens\": []}"
                                        << "tokens: has 0 tokens; the step-through walks 1 to 8";
        QTest::newRow("nine step tokens") << head() + "\"tokens\": [0, 1, 2, 3, 4, 5, 6, 7, 8]}"
                                          << "tokens: has 9 tokens; the step-through walks 1 to 8";
        QTest::newRow("negative width") << head() + "\"width\": -5}"
                                        << "width: must be 0 (the view's default) or a size in "
                                           "points";
        QTest::newRow("comparison without a dump") << head() + "\"compare\": {\"dataset\": \"/x\"}}"
                                                   << "compare.file: is missing: the comparison "
                                                      "names no dump";
        QTest::newRow("comparison as a name") << head() + "\"compare\": \"other.h5\"}"
                                              << "compare: must be an object";
        QTest::newRow("not JSON") << QByteArray("{\"lngeom_figure_recipe\": 1,")
                                  << "is not a figure recipe (unterminated object at byte 27)";
    }

    void badRecipeNamesFileAndKey() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        try {
            recipeFromJson(json, "/figs/bad.recipe.json");
            QFAIL("the recipe was accepted");
        } catch (const FormatError& error) {
            QCOMPARE(QString::fromUtf8(error.what()), "/figs/bad.recipe.json: " + message);
        }
    }

    void recipeSitsBesideItsFigure() {
        QCOMPARE(recipePathFor("figs/h.pdf"), std::string("figs/h.pdf.recipe.json"));
        QVERIFY(recipePathFor("a.png") != recipePathFor("a.svg"));
    }
};

QTEST_GUILESS_MAIN(TestFigureRecipe)
#include "test_figure_recipe.moc"
