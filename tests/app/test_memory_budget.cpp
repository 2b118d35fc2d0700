// The app's memory budget (--memory-budget, File ▸ Settings): bad values refused with the
// accepted range, the budget remembered, and a small budget obeyed by the consumers in the real
// window: the 3D view draws a bounded subsample.

#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QtTest>

#include "app/files/sample_files.h"
#include "app/settings/memory_budget.h"
#include "app/settings/settings_dialog.h"
#include "core/geometry/projected_cloud.h"
#include "tests/app/main_window_fixture.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/dump_document.h"
#include "widgets/projection/projection_view.h"

using namespace lngeom;

class TestMemoryBudget : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }
    void badValuesAreRefusedNamingTheRange_data();
    void badValuesAreRefusedNamingTheRange();
    void goodValuesAreRead();
    void defaultsTo2GbAndIgnoresABadSavedValue();
    void settingsDialogRemembersAndAppliesTheBudget();
    void aSmallBudgetBoundsTheCloud();
};

void TestMemoryBudget::badValuesAreRefusedNamingTheRange_data() {
    QTest::addColumn<QString>("text");
    for (const char* text :
         {"", "lots", "15", "0", "-64", "2.5", "1048577", "99999999999999999999"})
        QTest::newRow(text[0] ? text : "empty") << QString(text);
}

void TestMemoryBudget::badValuesAreRefusedNamingTheRange() {
    QFETCH(QString, text);
    QString error;
    QVERIFY(!app::parseMemoryBudgetMb(text, &error));
    QCOMPARE(error, "--memory-budget needs whole megabytes from 16 to 1048576, not '" + text + "'");
}

void TestMemoryBudget::goodValuesAreRead() {
    QString error;
    QCOMPARE(app::parseMemoryBudgetMb("16", &error), 16L);
    QCOMPARE(app::parseMemoryBudgetMb(" 4096 ", &error), 4096L);
    QCOMPARE(app::parseMemoryBudgetMb("1048576", &error), 1048576L);
    QVERIFY(error.isEmpty());
}

void TestMemoryBudget::defaultsTo2GbAndIgnoresABadSavedValue() {
    QCOMPARE(app::savedMemoryBudgetMb(), 2048L);
    QSettings().setValue("memoryBudgetMB", "lots");
    QCOMPARE(app::savedMemoryBudgetMb(), 2048L);
    QSettings().setValue("memoryBudgetMB", 3);
    QCOMPARE(app::savedMemoryBudgetMb(), 2048L);
    app::saveMemoryBudgetMb(300);
    QCOMPARE(app::savedMemoryBudgetMb(), 300L);
}

void TestMemoryBudget::settingsDialogRemembersAndAppliesTheBudget() {
    test::WindowUnderTest ui({app::sampleDumpPaths().first()});
    QVERIFY(ui.waitSettled());
    app::SettingsDialog dialog(ui.documents.get(), ui.window.get());
    QCOMPARE(dialog.memoryBudgetField()->value(), int(ui.documents->memoryBudget() >> 20));
    dialog.memoryBudgetField()->setValue(96);
    dialog.accept();
    QCOMPARE(app::savedMemoryBudgetMb(), 96L);
    QCOMPARE(ui.documents->memoryBudget(), std::size_t(96) << 20);
    QCOMPARE(ui.documents->open(app::sampleDumpPaths().last())->memoryBudget(), std::size_t(96)
                                                                                    << 20);
}

// 300,000 tokens × 2 sites (make_large_dump.py: float16, 130-character module paths, norms
// over four decades) opened with a 32 MB budget: its pass fits (its blocks take 12 MiB) and the
// 3D view draws at most 32 MB / 4 / 64 = 131,072 points. (A sort is refused only above
// budget / 16 rows: test_token_order checks that message.)
void TestMemoryBudget::aSmallBudgetBoundsTheCloud() {
    const QString path = LNGEOM_TEST_OUTPUT_DIR "/memory-budget-300k.h5";
    QProcess python;
    python.start(LNGEOM_PYTHON, {LNGEOM_SOURCE_DIR "/tests/benchmarks/make_large_dump.py", path,
                                 "--tokens", "300000", "--sites", "2", "--d", "8"});
    QVERIFY(python.waitForFinished(120000) && python.exitCode() == 0);
    test::WindowUnderTest ui;
    ui.documents->setMemoryBudget(std::size_t(32) << 20);
    widgets::ProjectionView* projection = ui.window->views().projection;
    QSignalSpy shown(projection, &widgets::ProjectionView::cloudShown);
    widgets::DumpDocument* document = ui.documents->open(path);
    QVERIFY(ui.waitSettled(120000));
    QVERIFY2(document->state() == widgets::DumpDocument::State::Ready, qPrintable(ui.messages()));
    QCOMPARE(document->memoryBudget(), std::size_t(32) << 20);
    QVERIFY(shown.count() > 0 || shown.wait(60000));
    QCOMPARE(projection->shownCloud()->points.rows(), Eigen::Index(131072));
    QVERIFY(projection->shownCloud()->subsampled);
    QFile::remove(path);
}

LNGEOM_WIDGETS_TEST_MAIN(TestMemoryBudget)
#include "test_memory_budget.moc"
