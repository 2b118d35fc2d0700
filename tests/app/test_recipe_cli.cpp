// Figure recipes end to end: a recipe with non-default settings for every view draws a figure
// that differs from the default one, writes those settings into the recipe beside it, and that
// recipe draws the same image again; recipes written before the newer keys existed still draw;
// a bad recipe is one line naming the recipe file and the key.
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <utility>

#include "tests/app/export_runs.h"
#include "tests/widgets/image_checks.h"

using lngeom::test::CommandRun;
using lngeom::test::describe;
using lngeom::test::runLngeom;
using lngeom::test::sampleDump;

namespace {

const QString kLayerNorm = sampleDump("sample-layernorm.h5");

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) file.write(text);
}

// The first key of `asked` (nested objects key by key) whose value `written` does not hold.
QString firstMismatch(const QJsonObject& written, const QJsonObject& asked,
                      const QString& at = {}) {
    for (auto it = asked.begin(); it != asked.end(); ++it) {
        const QJsonValue value = written.value(it.key());
        if (it->isObject() && value.isObject()) {
            const QString inner =
                firstMismatch(value.toObject(), it->toObject(), at + it.key() + ".");
            if (!inner.isEmpty()) return inner;
        } else if (value != *it) {
            return at + it.key();
        }
    }
    return {};
}

}  // namespace

class TestRecipeCli : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir cache_;
    QTemporaryDir out_;

    QString output(const QString& name) const { return out_.filePath(name); }

    // Draws `recipe` (the sample, a small PNG at scale 1 added) into NAME.png.
    CommandRun draw(const QString& name, QJsonObject recipe) {
        recipe.insert("lngeom_figure_recipe", 1);
        recipe.insert("file", kLayerNorm);
        recipe.insert("width", 360);
        recipe.insert("height", 260);
        recipe.insert("scale", 1);
        const QString path = output(name + ".in.json");
        writeText(path, QJsonDocument(recipe).toJson());
        return runLngeom({"export", "--recipe", path, "--out", output(name + ".png")},
                         cache_.path());
    }

  private slots:
    void nonDefaultSettingsRoundTrip_data() {
        QTest::addColumn<QJsonObject>("base");
        QTest::addColumn<QJsonObject>("settings");
        const QJsonObject histogram{{"view", "histogram"}, {"site", "003"}};
        QTest::newRow("histogram: overlay, bar colour, log counts")
            << histogram
            << QJsonObject{
                   {"overlay", QJsonObject{{"site", "007"}, {"metric", "angle_to_uniform_deg"}}},
                   {"bar_colour", "#c83232"},
                   {"log_counts", true},
                   {"bins", 30}};
        QTest::newRow("histogram: selection")
            << histogram
            << QJsonObject{{"selection", QJsonValue(QJsonArray{3, 4, 5, 6, 7, 8, 9, 10})}};
        const QJsonObject curves{{"view", "curves"}, {"metric", "norm"}};
        QTest::newRow("curves: no bands, current site marked")
            << curves
            << QJsonObject{{"show_spread", false},
                           {"show_extremes", false},
                           {"mark_current_site", true},
                           {"site", "004"}};
        const QJsonObject heatmap{{"view", "heatmap"}, {"bins", 40}};
        QTest::newRow("heatmap: raw counts, range")
            << heatmap
            << QJsonObject{{"row_fractions", false}, {"range", QJsonValue(QJsonArray{84, 96})}};
        const QJsonObject projection{{"view", "projection"}, {"site", "final"}};
        QTest::newRow("projection: coordinates basis, true radius, position colours")
            << projection
            << QJsonObject{
                   {"projection", QJsonObject{{"representation", "ln_standardized"},
                                              {"placement", "true_radius"},
                                              {"colour", "position"},
                                              {"basis", QJsonObject{{"choice", "coordinates"},
                                                                    {"coordinate_i", 3},
                                                                    {"coordinate_j", 11}}}}}};
        QTest::newRow("projection: random basis, norm colours, fewer points")
            << projection
            << QJsonObject{{"projection", QJsonObject{{"colour", "norm"},
                                                      {"max_points", 100},
                                                      {"basis", QJsonObject{{"choice", "random"},
                                                                            {"seed", 7}}}}}};
        QTest::newRow("step: token and stage")
            << QJsonObject{{"view", "step"}} << QJsonObject{{"tokens", QJsonArray{9}}, {"step", 2}};
        QTest::newRow("step: three tokens")
            << QJsonObject{{"view", "step"}}
            << QJsonObject{{"tokens", QJsonArray{3, 17, 42}}, {"step", 3}};
    }

    // The settings change the image, land in the recipe beside it, and that recipe draws the
    // same image again.
    void nonDefaultSettingsRoundTrip() {
        QFETCH(QJsonObject, base);
        QFETCH(QJsonObject, settings);
        const QString row = QString::fromUtf8(QTest::currentDataTag()).section(':', 0, 0) +
                            QString::number(qHash(QTest::currentDataTag()) % 1000);
        const CommandRun plain = draw(row + "-default", base);
        QVERIFY2(plain.exitCode == 0, qPrintable(describe(plain)));
        QJsonObject changed = base;
        for (auto it = settings.begin(); it != settings.end(); ++it)
            changed.insert(it.key(), it.value());
        const CommandRun first = draw(row + "-first", changed);
        QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
        const QString written = output(row + "-first.png.recipe.json");
        const QString mismatch = firstMismatch(readJson(written), settings);
        QVERIFY2(mismatch.isEmpty(), qPrintable("the recipe lost " + mismatch));
        const QString again = output(row + "-again.png");
        const CommandRun redraw =
            runLngeom({"export", "--recipe", written, "--out", again}, cache_.path());
        QVERIFY2(redraw.exitCode == 0, qPrintable(describe(redraw)));
        const QImage defaults(output(row + "-default.png")), a(output(row + "-first.png")),
            b(again);
        QCOMPARE(b.size(), a.size());
        const double same = lngeom::test::meanAbsoluteDifference(a, b);
        if (same > 0.5) lngeom::test::saveTestImage(b, "recipe-again-" + row);
        QVERIFY2(same <= 0.5, qPrintable(QString::number(same)));
        const double changedBy = lngeom::test::meanAbsoluteDifference(a, defaults);
        QVERIFY2(changedBy > 0.2,
                 qPrintable("the settings changed nothing: " + QString::number(changedBy)));
    }

    // Step recipes written before several tokens could be walked name one `token`.
    void oldStepRecipeWalksItsToken() {
        const QJsonObject step{{"view", "step"}, {"step", 2}};
        QJsonObject old = step;
        old.insert("token", 9);
        QJsonObject current = step;
        current.insert("tokens", QJsonArray{9});
        for (const auto& [name, recipe] :
             {std::pair{"old-step", old}, std::pair{"new-step", current}}) {
            const CommandRun run = draw(name, recipe);
            QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        }
        QCOMPARE(readJson(output("old-step.png.recipe.json"))["tokens"].toArray(), QJsonArray{9});
        QVERIFY(lngeom::test::meanAbsoluteDifference(QImage(output("old-step.png")),
                                                     QImage(output("new-step.png"))) < 0.5);
    }

    // A recipe as lngeom wrote them before overlays, colours and projection settings existed.
    void oldRecipeDrawsWithDefaults() {
        const QString path = output("old.recipe.json");
        writeText(path, QJsonDocument(QJsonObject{{"lngeom_figure_recipe", 1},
                                                  {"file", kLayerNorm},
                                                  {"dataset", ""},
                                                  {"view", "projection"},
                                                  {"site", "final"},
                                                  {"metric", "angle_to_uniform_deg"},
                                                  {"bins", 80},
                                                  {"range", QJsonValue()},
                                                  {"log_counts", false},
                                                  {"width", 300},
                                                  {"height", 240},
                                                  {"scale", 1}})
                            .toJson());
        const CommandRun run =
            runLngeom({"export", "--recipe", path, "--out", output("old.png")}, cache_.path());
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject written = readJson(output("old.png.recipe.json"));
        const QJsonObject projection = written["projection"].toObject();
        QCOMPARE(projection["representation"].toString(), "input");
        QCOMPARE(projection["basis"].toObject()["choice"].toString(), "principal");
        QCOMPARE(written["show_spread"].toBool(), true);
        QVERIFY(!written.contains("overlay"));
    }

    void badRecipeNamesFileAndKey_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray head = "{\"lngeom_figure_recipe\": 1, \"file\": \"" + kLayerNorm.toUtf8() +
                                "\", \"view\": \"histogram\", ";
        // Every other refusal of a bad key is tested on the recipe reader itself
        // (tests/widgets/test_figure_recipe.cpp); here, that the command says it as one line.
        QTest::newRow("unknown basis")
            << head + "\"projection\": {\"basis\": {\"choice\": \"best\"}}}"
            << "projection.basis.choice: 'best' is not one of principal, coordinates, token, "
               "random";
        QTest::newRow("dump gone")
            << QByteArray(
                   "{\"lngeom_figure_recipe\": 1, \"file\": \"/nonexistent/gone.h5\", "
                   "\"view\": \"histogram\"}")
            << "file: names the dump '/nonexistent/gone.h5', which does not exist";
    }

    void badRecipeNamesFileAndKey() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const QString path = output("bad.recipe.json");
        writeText(path, json);
        const CommandRun run =
            runLngeom({"export", "--recipe", path, "--out", output("bad.png")}, cache_.path());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(QString::fromUtf8(run.err), "lngeom export: " + path + ": " + message + "\n");
        QVERIFY(!QFile::exists(output("bad.png")));
    }
};

QTEST_GUILESS_MAIN(TestRecipeCli)
#include "test_recipe_cli.moc"
