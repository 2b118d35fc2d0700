// The Tables 2–4 panel: the core's report of each open dump, in every format, copyable.

#include <QClipboard>
#include <QtTest>

#include "core/reports/stats_report.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/paper_tables_view.h"

using namespace lngeom;
using namespace lngeom::widgets;

class TestPaperTablesView : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void showsTheCoresReport_data();
    void showsTheCoresReport();
    void showsBothDumpsWhenComparing();
    void copiesToTheClipboard();
    void renders();

  private:
    std::unique_ptr<DumpDocument> layerNorm_;
    std::unique_ptr<DumpDocument> rmsNorm_;
};

void TestPaperTablesView::initTestCase() {
    layerNorm_ = test::loadSample("sample-layernorm.h5");
    rmsNorm_ = test::loadSample("sample-rmsnorm.h5");
    QVERIFY(layerNorm_ && rmsNorm_);
}

void TestPaperTablesView::showsTheCoresReport_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<int>("reportFormat");
    QTest::newRow("table") << int(TablesFormat::Table) << int(ReportFormat::Table);
    QTest::newRow("csv") << int(TablesFormat::Csv) << int(ReportFormat::Csv);
    QTest::newRow("json") << int(TablesFormat::Json) << int(ReportFormat::Json);
}

void TestPaperTablesView::showsTheCoresReport() {
    QFETCH(int, format);
    QFETCH(int, reportFormat);
    PaperTablesView view;
    view.setDocument(layerNorm_.get());
    view.setSettings({TablesFormat(format)});
    const std::string expected = format_report(ReportFormat(reportFormat), layerNorm_->info(),
                                               layerNorm_->metrics().summaries());
    QCOMPARE(view.text(), QString::fromStdString(expected));
}

void TestPaperTablesView::showsBothDumpsWhenComparing() {
    PaperTablesView view;
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    view.setSettings({TablesFormat::Markdown});
    QVERIFY(view.text().contains("sample-layernorm.h5"));
    QVERIFY(view.text().contains("sample-rmsnorm.h5"));
    QVERIFY(view.text().indexOf("sample-layernorm.h5") < view.text().indexOf("sample-rmsnorm.h5"));
}

void TestPaperTablesView::copiesToTheClipboard() {
    PaperTablesView view;
    view.setDocument(layerNorm_.get());
    view.copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(), view.text());
    QVERIFY(view.text().contains("final"));
}

void TestPaperTablesView::renders() {
    PaperTablesView view;
    view.resize(1100, 420);
    view.setDocument(layerNorm_.get());
    view.setComparisonDocument(rmsNorm_.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.grab().toImage();
    test::saveTestImage(image, "paper-tables");
    QVERIFY(test::fractionOfPixelsNear(image, Qt::white, 10) > 0.3);
    QVERIFY(test::fractionOfPixelsNear(image, Qt::black, 60) > 0.005);
}

LNGEOM_WIDGETS_TEST_MAIN(TestPaperTablesView)
#include "test_paper_tables_view.moc"
