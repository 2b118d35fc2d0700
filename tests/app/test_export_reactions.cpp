// Export Figure… and Export Data as the window uses them: the figure of what a view shows (its
// site and settings in the recipe), the selected tokens' rows, the statistics JSON of
// `lngeom stats`, a status-bar line when there is nothing to export, and a failed export as an
// error in the Messages panel naming the file and the reason.
#include <QAction>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>

#include "app/messages/message_log.h"
#include "app/messages/message_panel.h"
#include "app/reactions/export_data_reaction.h"
#include "app/reactions/export_figure_reaction.h"
#include "core/reports/stats_report.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/document/token_selection.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"

using lngeom::app::DataExportKind;
using lngeom::app::ExportDataReaction;
using lngeom::app::ExportFigureReaction;

namespace {

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestExportReactions : public QObject {
    Q_OBJECT

  private:
    std::unique_ptr<lngeom::widgets::DumpDocument> document_;
    QTemporaryDir out_;
    QStatusBar statusBar_;
    lngeom::app::MessageLog log_;

  private slots:
    void initTestCase() {
        document_ = lngeom::test::loadSample("sample-layernorm.h5");
        QVERIFY(document_);
    }

    void histogramFigureCarriesTheViewsSettings() {
        lngeom::widgets::HistogramView view;
        view.resize(700, 500);
        view.setDocument(document_.get());
        document_->setCurrentSite(3);
        view.setBins(30);
        view.setOverlay(lngeom::widgets::HistogramOverlay{7, lngeom::Metric::AngleToUniformDeg});
        view.setColours(QColor(200, 50, 50), view.comparisonColour());
        const std::vector<lngeom::Index> selected{4, 5, 6};
        document_->selection()->setTokens(selected);
        QAction action;
        ExportFigureReaction reaction(&action, &view, &statusBar_, &log_);
        reaction.setPngScale(1);
        const QString path = out_.filePath("histogram.png");
        QVERIFY2(reaction.exportTo(path), qPrintable(statusBar_.currentMessage()));
        QCOMPARE(statusBar_.currentMessage(), "Saved " + path + " and its recipe");
        QVERIFY(!QImage(path).isNull());
        const QJsonObject recipe =
            QJsonDocument::fromJson(contents(path + ".recipe.json")).object();
        QCOMPARE(recipe["view"].toString(), "histogram");
        QCOMPARE(recipe["site"].toString(), "003");
        QCOMPARE(recipe["bins"].toInt(), 30);
        QCOMPARE(recipe["overlay"].toObject()["site"].toString(), "007");
        QCOMPARE(recipe["bar_colour"].toString(), "#c83232");
        QCOMPARE(recipe["selection"].toArray(), (QJsonArray{4, 5, 6}));
        QCOMPARE(document_->currentSite(), 3);
        document_->selection()->setTokens({});
    }

    void projectionFigureCarriesItsSettings() {
        lngeom::widgets::ProjectionView view;
        view.resize(600, 500);
        lngeom::widgets::ProjectionSettings settings;
        settings.placement = lngeom::Placement::TrueRadius;
        settings.colour = lngeom::widgets::ProjectionColour::Position;
        settings.basis.choice = lngeom::BasisChoice::Coordinates;
        settings.basis.coordinate_i = 2;
        settings.basis.coordinate_j = 9;
        view.setSettings(settings);
        QSignalSpy shown(&view, &lngeom::widgets::ProjectionView::cloudShown);
        view.setDocument(document_.get());
        QVERIFY(shown.wait(20000));
        QAction action;
        ExportFigureReaction reaction(&action, &view, &statusBar_, &log_);
        reaction.setPngScale(1);
        const QString path = out_.filePath("projection.png");
        QVERIFY2(reaction.exportTo(path), qPrintable(statusBar_.currentMessage()));
        const QJsonObject projection = QJsonDocument::fromJson(contents(path + ".recipe.json"))
                                           .object()["projection"]
                                           .toObject();
        QCOMPARE(projection["placement"].toString(), "true_radius");
        QCOMPARE(projection["colour"].toString(), "position");
        const QJsonObject basis = projection["basis"].toObject();
        QCOMPARE(basis["choice"].toString(), "coordinates");
        QCOMPARE(basis["coordinate_i"].toInt(), 2);
        QCOMPARE(basis["coordinate_j"].toInt(), 9);
    }

    void stepThroughFigureCarriesItsTokens() {
        lngeom::widgets::StepThroughPanel panel;
        panel.resize(700, 600);
        panel.setDocument(document_.get());
        panel.setTokens({3, 40, 200});
        QTRY_VERIFY_WITH_TIMEOUT(panel.walked().size() == 3, 20000);
        panel.setStep(2);
        QAction action;
        ExportFigureReaction reaction(&action, &panel, &statusBar_, &log_);
        reaction.setPngScale(1);
        const QString path = out_.filePath("step.png");
        QVERIFY2(reaction.exportTo(path), qPrintable(statusBar_.currentMessage()));
        QVERIFY(!QImage(path).isNull());
        const QJsonObject recipe =
            QJsonDocument::fromJson(contents(path + ".recipe.json")).object();
        QCOMPARE(recipe["view"].toString(), "step");
        QCOMPARE(recipe["tokens"].toArray(), (QJsonArray{3, 40, 200}));
        QCOMPARE(recipe["step"].toInt(), 2);
        panel.setTeachingVector(Eigen::Vector3d(0.4, 0.9, 1.7));
        QVERIFY(!reaction.exportTo(out_.filePath("teaching.png")));
    }

    void curvesFigureAsSvg() {
        lngeom::widgets::LayerCurvesView view;
        view.setDocument(document_.get());
        view.setMetric(lngeom::Metric::Norm);
        QAction action;
        ExportFigureReaction reaction(&action, &view, &statusBar_, &log_);
        const QString path = out_.filePath("curves.svg");
        QVERIFY2(reaction.exportTo(path), qPrintable(statusBar_.currentMessage()));
        QVERIFY(contents(path).contains("<text"));
        const QJsonObject recipe =
            QJsonDocument::fromJson(contents(path + ".recipe.json")).object();
        QCOMPARE(recipe["metric"].toString(), "norm");
        QCOMPARE(recipe["mark_current_site"].toBool(), false);  // a paper has no cursor
    }

    void viewWithoutDataSaysSo() {
        lngeom::widgets::HistogramView view;
        QAction action;
        ExportFigureReaction reaction(&action, &view, &statusBar_, &log_);
        QVERIFY(!reaction.exportTo(out_.filePath("never.png")));
        QCOMPARE(statusBar_.currentMessage(), "Nothing to export yet: the view has no data.");
        QVERIFY(!QFile::exists(out_.filePath("never.png")));
    }

    // A file that cannot be written: an error entry in the Messages panel with the file's name
    // as its source and the path and reason in its text, and the panel asks to be raised.
    void failedExportIsAnErrorInTheMessagesPanel_data() {
        QTest::addColumn<bool>("figure");
        QTest::addColumn<QString>("reason");
        QTest::newRow("figure") << true << "cannot be written: the directory " + out_.path();
        QTest::newRow("data") << false << "cannot be written: the directory " + out_.path();
    }

    void failedExportIsAnErrorInTheMessagesPanel() {
        QFETCH(bool, figure);
        QFETCH(QString, reason);
        lngeom::app::MessageLog log;
        lngeom::app::MessagePanel panel(&log);
        QSignalSpy raised(&panel, &lngeom::app::MessagePanel::errorShown);
        lngeom::widgets::LayerCurvesView view;
        view.setDocument(document_.get());
        QAction action;
        const QString path = out_.filePath("missing-directory/figure.svg");
        const bool written =
            figure ? ExportFigureReaction(&action, &view, &statusBar_, &log).exportTo(path)
                   : ExportDataReaction(
                         &action, DataExportKind::AllTokens, [this] { return document_.get(); },
                         &statusBar_, &log)
                         .exportTo(path);
        QVERIFY(!written);
        QVERIFY(raised.wait(5000));
        const lngeom::app::LogMessage& entry = log.messages().back();
        QCOMPARE(entry.severity, lngeom::app::MessageSeverity::Error);
        QCOMPARE(entry.source, QString("figure.svg"));
        QVERIFY2(entry.text.startsWith("not exported: " + path), qPrintable(entry.text));
        QVERIFY2(entry.text.contains(reason), qPrintable(entry.text));
        QVERIFY(panel.plainText().contains(path));
    }

    void selectedTokensOnly() {
        QAction action;
        ExportDataReaction reaction(
            &action, DataExportKind::SelectedTokens, [this] { return document_.get(); },
            &statusBar_, &log_);
        const QString path = out_.filePath("selection.csv");
        document_->selection()->clear();
        QVERIFY(!reaction.exportTo(path));
        QCOMPARE(statusBar_.currentMessage(), path + ": not written: no token is selected");
        const std::vector<lngeom::Index> tokens{5, 1};
        document_->selection()->setTokens(tokens);
        QVERIFY2(reaction.exportTo(path), qPrintable(statusBar_.currentMessage()));
        const QList<QByteArray> lines = contents(path).trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 9 * 2);
        QVERIFY(lines[1].startsWith("000,blocks.0.ln1,0,ln1,1,"));
        QVERIFY(lines[2].startsWith("000,blocks.0.ln1,0,ln1,5,"));
    }

    void everyTokenAsHdf5() {
        QAction action;
        ExportDataReaction reaction(
            &action, DataExportKind::AllTokens, [this] { return document_.get(); }, &statusBar_,
            &log_);
        const QString path = out_.filePath("tokens.h5");
        QVERIFY2(reaction.exportTo(path), qPrintable(statusBar_.currentMessage()));
        QVERIFY(contents(path).startsWith("\x89HDF\r\n\x1a\n"));
    }

    void statisticsAreTheStatsJson() {
        QAction action;
        ExportDataReaction reaction(
            &action, DataExportKind::SiteStatistics, [this] { return document_.get(); },
            &statusBar_, &log_);
        const QString path = out_.filePath("stats.json");
        QVERIFY2(reaction.exportTo(path), qPrintable(statusBar_.currentMessage()));
        QCOMPARE(contents(path).toStdString(),
                 lngeom::format_json(document_->info(), document_->metrics().summaries()));
        QVERIFY(!reaction.exportTo(out_.filePath("stats.xml")));
        QCOMPARE(statusBar_.currentMessage(),
                 out_.filePath("stats.xml") +
                     ": is not a statistics format lngeom writes (use .json, .csv or .txt)");
    }
};

LNGEOM_WIDGETS_TEST_MAIN(TestExportReactions)
#include "test_export_reactions.moc"
