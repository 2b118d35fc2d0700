// How files reach the window besides the command line: dropped on it, from the recent-files
// list, and generic HDF5 files through the dataset picker (listed in the background: busy at
// first, a clear message for a file it cannot list, nothing delivered once closed); and the dock
// layout kept between runs and reset.

#include <QDockWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrl>
#include <QtTest>

#include "app/files/dataset_lister.h"
#include "app/files/dataset_picker_dialog.h"
#include "app/files/generic_file_resolver.h"
#include "app/files/recent_files.h"
#include "app/files/sample_files.h"
#include "app/window/window_layout.h"
#include "tests/app/main_window_fixture.h"
#include "tests/core/test_analysis_fixtures.h"
#include "tests/widgets/image_checks.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/document/dump_document.h"

using lngeom::test::WindowUnderTest;
using lngeom::widgets::DumpDocument;

namespace {

// Three float datasets (one stacked over layers, one float16) beside an integer one.
const char* const kGenericScript =
    "f = h5py.File(sys.argv[1], 'w')\n"
    "rng = np.random.default_rng(7)\n"
    "f['hidden_states'] = rng.normal(size=(3, 40, 16)).astype('float32')\n"
    "f['embeddings'] = rng.normal(size=(40, 16)).astype('float16')\n"
    "f.create_group('extra')['logits'] = rng.normal(size=(40, 8)).astype('float64')\n"
    "f['ids'] = np.arange(40)\n";

bool drop(QWidget* target, const QStringList& paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& path : paths) urls << QUrl::fromLocalFile(path);
    mime.setUrls(urls);
    const QPointF centre = QRectF(target->rect()).center();
    QDragEnterEvent enter(centre.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent dropEvent(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

QDockWidget* dockNamed(const QMainWindow* window, const QString& name) {
    return window->findChild<QDockWidget*>(name);
}

}  // namespace

class TestMainWindowFiles : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void droppedFilesOpen();
    void dropWithoutFilesIsRefused();
    void openedFilesBecomeRecent();
    void pickerShowsShapesAndTypes();
    void pickerSaysWhyAFileCannotBeListed();
    void closingThePickerDropsItsListing();
    void genericFileOpensTheChosenDataset();
    void layoutIsKeptBetweenRunsAndResettable();
    void foldedDumpIsSaid();
    void ordinaryDumpsWarnOfNothing();
};

void TestMainWindowFiles::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestMainWindowFiles::droppedFilesOpen() {
    WindowUnderTest test;
    QVERIFY(drop(test.window.get(), lngeom::app::sampleDumpPaths()));
    QCOMPARE(test.documents->documents().size(), std::size_t(2));
    QVERIFY(test.waitSettled());
    for (DumpDocument* document : test.documents->documents())
        QCOMPARE(document->state(), DumpDocument::State::Ready);
    QCOMPARE(test.documents->current()->displayName(), QString("sample-layernorm.h5"));
}

void TestMainWindowFiles::dropWithoutFilesIsRefused() {
    WindowUnderTest test;
    QVERIFY(!drop(test.window.get(), {}));
    QVERIFY(test.documents->documents().empty());
}

void TestMainWindowFiles::openedFilesBecomeRecent() {
    WindowUnderTest test;
    test.window->recentFiles()->clear();
    const QStringList samples = lngeom::app::sampleDumpPaths();
    for (const QString& path : samples) {
        test.documents->open(path);
        QVERIFY(test.waitSettled());
    }
    const QStringList recent = test.window->recentFiles()->paths();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(QFileInfo(recent.front()).fileName(), QString("sample-rmsnorm.h5"));
    test.window->recentFiles()->add(samples.front());
    QCOMPARE(QFileInfo(test.window->recentFiles()->paths().front()).fileName(),
             QString("sample-layernorm.h5"));
    QCOMPARE(test.window->recentFiles()->paths().size(), 2);
}

void TestMainWindowFiles::pickerShowsShapesAndTypes() {
    QTemporaryDir directory;
    const QString path = directory.filePath("generic.h5");
    QVERIFY(lngeom::test::writeWithH5py(path, kGenericScript));
    lngeom::app::DatasetLister lister;
    lngeom::app::DatasetPickerDialog dialog(path, &lister);
    QVERIFY(dialog.isBusy());
    QVERIFY(dialog.statusText().startsWith("Reading the datasets of <b>generic.h5</b>"));
    QVERIFY(!dialog.openButton()->isEnabled());
    QVERIFY(QTest::qWaitFor([&] { return !dialog.isBusy(); }));
    QVERIFY(dialog.openButton()->isEnabled());
    const QTreeWidget* list = dialog.list();
    QCOMPARE(list->topLevelItemCount(), 3);
    QStringList rows;
    for (int row = 0; row < list->topLevelItemCount(); ++row) {
        const QTreeWidgetItem* item = list->topLevelItem(row);
        rows << QStringList{item->text(0), item->text(1), item->text(2), item->text(3)}.join(" | ");
    }
    QVERIFY2(rows.contains("/embeddings | (40, 16) | float16 | 40 tokens × d 16"),
             qPrintable(rows.join("\n")));
    QVERIFY(rows.contains("/extra/logits | (40, 8) | float64 | 40 tokens × d 8"));
    QVERIFY(rows.contains("/hidden_states | (3, 40, 16) | float32 | 3 layers × 40 tokens × d 16"));
    dialog.choose("/hidden_states");
    QCOMPARE(dialog.chosenDataset(), QString("/hidden_states"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    lngeom::test::saveTestImage(dialog.grab().toImage(), "dataset-picker");
}

void TestMainWindowFiles::pickerSaysWhyAFileCannotBeListed() {
    QTemporaryDir directory;
    const QString path = directory.filePath("notes.h5");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an HDF5 file, whatever its name says\n");
    file.close();
    lngeom::app::DatasetLister lister;
    lngeom::app::DatasetPickerDialog dialog(path, &lister);
    QVERIFY(QTest::qWaitFor([&] { return !dialog.isBusy(); }));
    const QString status = dialog.statusText();
    QVERIFY2(status.startsWith("The datasets of <b>notes.h5</b> cannot be listed: " + path + ": "),
             qPrintable(status));
    QVERIFY2(status.contains("HDF5"), qPrintable(status));
    QCOMPARE(dialog.list()->topLevelItemCount(), 0);
    QVERIFY(!dialog.openButton()->isEnabled());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    lngeom::test::saveTestImage(dialog.grab().toImage(), "dataset-picker-unreadable");
}

void TestMainWindowFiles::closingThePickerDropsItsListing() {
    QTemporaryDir directory;
    const QString path = directory.filePath("generic.h5");
    QVERIFY(lngeom::test::writeWithH5py(path, kGenericScript));
    lngeom::app::DatasetLister lister;
    QSignalSpy listed(&lister, &lngeom::app::DatasetLister::listed);
    QSignalSpy failed(&lister, &lngeom::app::DatasetLister::failed);
    {
        lngeom::app::DatasetPickerDialog dialog(path, &lister);
        QVERIFY(dialog.isBusy());
        dialog.reject();
    }
    QTest::qWait(500);
    QCOMPARE(listed.count(), 0);
    QCOMPARE(failed.count(), 0);
    // The lister stays usable for the next dialog.
    lngeom::app::DatasetPickerDialog again(path, &lister);
    QVERIFY(listed.wait(10000));
    QCOMPARE(again.list()->topLevelItemCount(), 3);
}

void TestMainWindowFiles::genericFileOpensTheChosenDataset() {
    QTemporaryDir directory;
    const QString path = directory.filePath("generic.h5");
    QVERIFY(lngeom::test::writeWithH5py(path, kGenericScript));
    WindowUnderTest test;
    int offered = 0;
    test.window->genericFileResolver()->setChooser([&offered, path](const QString& asked) {
        offered += asked == path ? 1 : 100;
        return std::optional<QString>("/hidden_states");
    });
    test.documents->open(path);
    QVERIFY(test.waitSettled());
    QVERIFY(QTest::qWaitFor([&] { return test.window->isSettled() && offered > 0; }));
    QVERIFY(test.waitSettled());
    QCOMPARE(offered, 1);
    QCOMPARE(test.documents->documents().size(), std::size_t(1));
    DumpDocument* document = test.documents->current();
    QCOMPARE(document->dataset(), QString("/hidden_states"));
    QCOMPARE(document->state(), DumpDocument::State::Ready);
    QCOMPARE(document->info().sites.size(), std::size_t(3));
    QVERIFY(test.messages().contains("several"));
}

void TestMainWindowFiles::layoutIsKeptBetweenRunsAndResettable() {
    {
        WindowUnderTest first;
        dockNamed(first.window.get(), "files")->hide();
        first.window->addDockWidget(Qt::RightDockWidgetArea, dockNamed(first.window.get(), "tour"));
        first.window->layout()->save();
    }
    WindowUnderTest second;
    QDockWidget* files = dockNamed(second.window.get(), "files");
    QDockWidget* tour = dockNamed(second.window.get(), "tour");
    QVERIFY(files->isHidden());
    QCOMPARE(second.window->dockWidgetArea(tour), Qt::RightDockWidgetArea);
    second.window->layout()->reset();
    QVERIFY(!files->isHidden());
    QCOMPARE(second.window->dockWidgetArea(tour), Qt::LeftDockWidgetArea);
    QSettings().clear();
}

// A dump captured after TransformerLens' fold_ln: every input mean-centred, γ = 1, β = 0.
void TestMainWindowFiles::foldedDumpIsSaid() {
    WindowUnderTest test;
    const QString path = QString::fromStdString(lngeom::test::analysis_fixture("centred.h5"));
    test.documents->open(path);
    QVERIFY(test.waitSettled());
    QCOMPARE(test.documents->current()->state(), DumpDocument::State::Ready);
    const QString sentence = "centred.h5: every input of 3 of 3 LayerNorm sites is mean-centred";
    QVERIFY2(test.messages().contains(sentence), qPrintable(test.messages()));
    QVERIFY(test.messages().contains("TransformerLens' fold_ln and center_writing_weights"));
    QVERIFY2(test.window->statusBar()->currentMessage().startsWith(sentence),
             qPrintable(test.window->statusBar()->currentMessage()));
    QVERIFY(!dockNamed(test.window.get(), "messages")->visibleRegion().isEmpty());
}

void TestMainWindowFiles::ordinaryDumpsWarnOfNothing() {
    WindowUnderTest test;
    for (const QString& path : lngeom::app::sampleDumpPaths()) test.documents->open(path);
    QVERIFY(test.waitSettled());
    QVERIFY2(!test.messages().contains("mean-centred"), qPrintable(test.messages()));
    QVERIFY(test.window->statusBar()->currentMessage().isEmpty());
}

LNGEOM_WIDGETS_TEST_MAIN(TestMainWindowFiles)
#include "test_main_window_files.moc"
