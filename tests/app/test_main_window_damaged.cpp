// Files libhdf5 crashes, corrupts memory or hangs on (tests/fuzz/known-hdf5-crashers), opened
// in the window between two sound ones: each is reported by name with the object and what
// libhdf5 was doing — the text the command line prints — and the window, its sound files and
// its views go on working: no crash, and no hang holding HDF5's lock over the other files.
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "app/files/sample_files.h"
#include "app/window/comparison_choice.h"
#include "app/window/view_set.h"
#include "core/isolation/contained_open.h"
#include "tests/app/dumps_without_tokens.h"
#include "tests/app/main_window_fixture.h"
#include "tests/fuzz/known_hdf5_crashers.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/document/dump_document.h"

using lngeom::test::kKnownCrashers;
using lngeom::test::WindowUnderTest;
using lngeom::widgets::DumpDocument;

namespace {

QString crasherPath(const char* file) {
    return QString(LNGEOM_SOURCE_DIR "/tests/fuzz/known-hdf5-crashers/") + file;
}

}  // namespace

class TestMainWindowDamaged : public QObject {
    Q_OBJECT
  private slots:
    void initTestCase();
    void damagedFilesCostOnlyThemselves();
    void dumpWithoutTokensIsNamed();
};

void TestMainWindowDamaged::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    lngeom::set_default_validation_timeout(
        std::chrono::seconds(lngeom::test::kCrasherTimeoutSeconds));
}

void TestMainWindowDamaged::damagedFilesCostOnlyThemselves() {
    const QStringList samples = lngeom::app::sampleDumpPaths();
    QStringList paths{samples.front()};
    for (const lngeom::test::KnownCrasher& crasher : kKnownCrashers)
        paths << crasherPath(crasher.file);
    paths << samples.back();
    WindowUnderTest test(paths);
    QVERIFY(test.waitSettled());

    const std::vector<DumpDocument*>& documents = test.documents->documents();
    QCOMPARE(documents.size(), std::size_t(paths.size()));
    const QString messages = test.messages();
    for (std::size_t i = 0; i < std::size(kKnownCrashers); ++i) {
        const lngeom::test::KnownCrasher& crasher = kKnownCrashers[i];
        const DumpDocument* document = documents[i + 1];
        QCOMPARE(document->state(), DumpDocument::State::Failed);
        const QString error =
            crasherPath(crasher.file) + ": " + crasher.object + ": " + crasher.reason;
        QVERIFY2(document->errorMessage().startsWith(error), qPrintable(document->errorMessage()));
        QVERIFY2(messages.contains(QString(crasher.file) + ": could not open it: " + error),
                 qPrintable(messages));
    }
    for (const DumpDocument* sound : {documents.front(), documents.back()})
        QCOMPARE(sound->state(), DumpDocument::State::Ready);
    // The comparing views pass over the damaged files to the other sound one.
    QCOMPARE(test.window->comparisonChoice()->comparison(), documents.back());

    // The sound files stay fully usable: the views follow the keyboard, and another file opens.
    test.documents->setCurrent(documents.back());
    QVERIFY(test.activate());
    QTest::keyClick(test.window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(documents.back()->currentSite(), 1);
    QVERIFY(test.window->views().histogram->histogram().has_value());
    QTemporaryDir directory;
    const QString copy = directory.filePath("another.h5");
    QVERIFY(QFile::copy(samples.front(), copy));
    DumpDocument* another = test.documents->open(copy);
    QVERIFY(test.waitSettled());
    QCOMPARE(another->state(), DumpDocument::State::Ready);
}

// Opened beside a sound file, a dump without tokens is refused by name with the reason, as on
// the command line, and the sound file is shown.
void TestMainWindowDamaged::dumpWithoutTokensIsNamed() {
    QTemporaryDir directory;
    QVERIFY(lngeom::test::writeDumpsWithoutTokens(directory.path()));
    const QString empty = directory.filePath("no_tokens.h5");
    WindowUnderTest test({lngeom::app::sampleDumpPaths().front(), empty});
    QVERIFY(test.waitSettled());
    const std::vector<DumpDocument*>& documents = test.documents->documents();
    QCOMPARE(documents.size(), std::size_t(2));
    QCOMPARE(documents.front()->state(), DumpDocument::State::Ready);
    QCOMPARE(documents.back()->state(), DumpDocument::State::Failed);
    const QString error = empty +
                          ": /norms/000/input: has no tokens (0 rows), nor has any of the dump's "
                          "other 2 sites; there is nothing to show";
    QCOMPARE(documents.back()->errorMessage(), error);
    QVERIFY2(test.messages().contains("no_tokens.h5: could not open it: " + error),
             qPrintable(test.messages()));
}

LNGEOM_WIDGETS_TEST_MAIN(TestMainWindowDamaged)
#include "test_main_window_damaged.moc"
