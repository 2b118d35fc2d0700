#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

#include "core/errors.h"
#include "core/metrics/metrics.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"

using lngeom::Index;
using lngeom::Metric;
using lngeom::SiteIndex;
using lngeom::StoreOptions;
using lngeom::widgets::DumpDocument;
using lngeom::widgets::TokenSelection;

namespace {

const QString kSample = QStringLiteral(LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5");

StoreOptions uncachedOptions() {
    StoreOptions options;
    options.use_cache = false;
    return options;
}

}  // namespace

class TestDumpDocument : public QObject {
    Q_OBJECT
  private slots:
    void loadsInfoThenMetricsInTheBackground();
    void reportsAMissingFileByName();
    void asksForADatasetOnlyWhenThereAreSeveral();
    void cancelBeforeThePassStopsIt();
    void currentSiteIgnoresSitesThatDoNotExist();
    void selectionKeepsSortedUniqueTokensInRange();
};

void TestDumpDocument::loadsInfoThenMetricsInTheBackground() {
    DumpDocument document(kSample, {}, uncachedOptions());
    QSignalSpy info(&document, &DumpDocument::infoReady);
    QSignalSpy ready(&document, &DumpDocument::ready);
    document.load();
    QVERIFY(ready.wait(30000));
    QCOMPARE(info.count(), 1);
    QCOMPARE(document.state(), DumpDocument::State::Ready);
    const auto& sites = document.info().sites;
    QVERIFY(!sites.empty());
    QCOMPARE(document.metrics().summaries().size(), sites.size());
    const auto& angle = document.metrics().summary(0, Metric::AngleToUniformDeg);
    QCOMPARE(angle.count + document.metrics().summaries()[0].n_invalid, sites[0].n_tokens);
    QVERIFY(angle.mean > 0 && angle.mean < 180);
    QCOMPARE(document.metrics().columns(0)->n_tokens(), document.info().n_tokens);
    QCOMPARE(document.selection()->tokenCount(), document.info().n_tokens);
}

void TestDumpDocument::reportsAMissingFileByName() {
    DumpDocument document(QStringLiteral("/nonexistent/activations.h5"), {}, uncachedOptions());
    QSignalSpy failed(&document, &DumpDocument::failed);
    document.load();
    QVERIFY(failed.wait(10000));
    QCOMPARE(document.state(), DumpDocument::State::Failed);
    QVERIFY2(document.errorMessage().contains("/nonexistent/activations.h5"),
             qPrintable(document.errorMessage()));
}

// The resolver's cue is the error's type, not its text: several candidates ask for a choice,
// a file without any does not.
void TestDumpDocument::asksForADatasetOnlyWhenThereAreSeveral() {
    for (const auto& [name, asks] : {std::pair{"generic_many.h5", true}, {"empty.h5", false}}) {
        DumpDocument document(QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/io-fixtures/") + name, {},
                              uncachedOptions());
        QSignalSpy failed(&document, &DumpDocument::failed);
        document.load();
        QVERIFY(failed.wait(10000));
        QCOMPARE(document.needsDatasetChoice(), asks);
        QVERIFY2(document.errorMessage().contains(asks ? "has several float datasets: /a/b/brain"
                                                       : "has neither the native lngeom layout"),
                 qPrintable(document.errorMessage()));
    }
}

void TestDumpDocument::cancelBeforeThePassStopsIt() {
    DumpDocument document(kSample, {}, uncachedOptions());
    QSignalSpy cancelled(&document, &DumpDocument::cancelled);
    QSignalSpy ready(&document, &DumpDocument::ready);
    document.cancel();
    document.load();
    QVERIFY(cancelled.wait(10000));
    QCOMPARE(ready.count(), 0);
    QCOMPARE(document.state(), DumpDocument::State::Cancelled);
    QVERIFY_THROWS_EXCEPTION(lngeom::RequestError, document.metrics());
}

void TestDumpDocument::currentSiteIgnoresSitesThatDoNotExist() {
    DumpDocument document(kSample, {}, uncachedOptions());
    QSignalSpy ready(&document, &DumpDocument::ready);
    document.load();
    QVERIFY(ready.wait(30000));
    QSignalSpy changed(&document, &DumpDocument::currentSiteChanged);
    document.setCurrentSite(1);
    document.setCurrentSite(document.info().sites.size());
    document.setCurrentSite(std::numeric_limits<SiteIndex>::max());
    document.setCurrentSite(1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(document.currentSite(), 1);
}

void TestDumpDocument::selectionKeepsSortedUniqueTokensInRange() {
    TokenSelection selection(10);
    QSignalSpy changed(&selection, &TokenSelection::changed);
    const std::vector<Index> picked{7, 2, 7, -1, 10, 3};
    selection.setTokens(picked, this);
    QCOMPARE(selection.set().to_vector(), (std::vector<Index>{2, 3, 7}));
    QCOMPARE(selection.count(), Index(3));
    QCOMPARE(selection.firstTokens(2), (std::vector<Index>{2, 3}));
    QVERIFY(selection.contains(7));
    QVERIFY(!selection.contains(4));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QObject*>(), static_cast<QObject*>(this));
    selection.clear();
    QVERIFY(selection.isEmpty());
    QVERIFY(!selection.contains(7));
}

QTEST_GUILESS_MAIN(TestDumpDocument)
#include "test_dump_document.moc"
