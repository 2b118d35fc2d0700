// How long the GUI thread stalls, and how long each interaction takes until its view shows the
// result, in the real main window on a large dump (by default ten million tokens × 2 sites at
// d = 8, float16, written by tests/benchmarks/make_large_dump.py; LNGEOM_LATENCY_DUMP names
// another, LNGEOM_LATENCY_BUDGET_MB sets the memory budget). A 5 ms heartbeat timer runs on the
// GUI thread: the longest gap between its ticks is the longest time the event loop could not
// run. Every interaction is started from inside the event loop, so its synchronous part counts
// as a stall too. Reports; asserts no time.

#include <QElapsedTimer>
#include <QTableView>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <memory>

#include "tests/app/main_window_fixture.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/document/token_selection.h"
#include "widgets/projection/projection_view.h"
#include "widgets/table/token_table_model.h"
#include "widgets/table/token_table_view.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

constexpr int kHeartbeatMs = 5;
constexpr qint64 kStallMs = 100;  // the target: no stall longer than this
constexpr int kTimeoutMs = 30 * 60 * 1000;

QString dumpPath() {
    const QByteArray chosen = qgetenv("LNGEOM_LATENCY_DUMP");
    return chosen.isEmpty() ? QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/ten-million-token-dump.h5")
                            : QString::fromLocal8Bit(chosen);
}

// The document list's budget (LNGEOM_LATENCY_BUDGET_MB, default 2048 as in the app): it bounds
// the 3D view's cloud (a quarter of it at 64 bytes a point) and the table's sort.
std::size_t memoryBudgetBytes() {
    const long megabytes = qEnvironmentVariableIntValue("LNGEOM_LATENCY_BUDGET_MB");
    return std::size_t(megabytes > 0 ? megabytes : 2048) << 20;
}

// The longest gap between the ticks of a timer on the GUI thread, and how many exceeded kStallMs.
class StallMeter {
  public:
    StallMeter() {
        timer_.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer_, &QTimer::timeout, [this] { tick(); });
        timer_.start(kHeartbeatMs);
    }
    void reset() {
        longest_ = 0;
        stalls_ = 0;
        clock_.start();
    }
    qint64 longest() const { return std::max(longest_, clock_.elapsed()); }
    int stalls() const { return stalls_; }

  private:
    void tick() {
        const qint64 gap = clock_.restart();
        longest_ = std::max(longest_, gap);
        if (gap <= kStallMs) return;
        ++stalls_;
        // The monotonic clock's time, so that a stall can be found in `perf record
        // --clockid=monotonic`'s samples of the GUI thread.
        qInfo("  stall of %lld ms ending at %lld ms (monotonic)", gap,
              clock_.msecsSinceReference());
    }
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 longest_ = 0;
    int stalls_ = 0;
};

struct Measured {
    double wallSeconds = 0;
    qint64 longestStallMs = 0;
    int stalls = 0;
};

// Starts `interaction` from the event loop and runs the loop until `shown` has held for a few
// heartbeats; the wall time is when it first held.
Measured measure(StallMeter& meter, const std::function<void()>& interaction,
                 const std::function<bool()>& shown) {
    meter.reset();
    QElapsedTimer wall;
    wall.start();
    QTimer::singleShot(0, interaction);
    QCoreApplication::processEvents();
    qint64 doneAt = -1;
    while (wall.elapsed() < kTimeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents,
                                        kHeartbeatMs);
        if (!shown()) {
            doneAt = -1;
            continue;
        }
        if (doneAt >= 0 && wall.elapsed() - doneAt >= 4 * kHeartbeatMs) break;
        if (doneAt < 0) doneAt = wall.elapsed();
    }
    return {double(doneAt) / 1000.0, meter.longest(), meter.stalls()};
}

// The rows at the top and the bottom of the table's viewport show their values.
bool rowsShown(const QTableView& view) {
    const QAbstractItemModel& model = *view.model();
    const int last = model.columnCount() - 1;
    for (int y : {0, view.viewport()->height() - 1}) {
        const int row = view.rowAt(y);
        if (row < 0 || model.index(row, last).data().toString() == TokenTableModel::placeholder())
            return false;
    }
    return true;
}

// Jumps through the sorted table as a dragged scroll bar does (the view's bar over every row,
// its window moving along), each jump timed until its rows show their values: the longest stall
// and the slowest jump of all.
Measured measureScrolling(StallMeter& meter, TokenTableView& view) {
    constexpr int kJumps = 8;
    Measured worst;
    const Index rows = view.model()->rowCount();
    for (int jump = 1; jump <= kJumps; ++jump) {
        const Index row = (rows - 1) * jump / kJumps;
        const Measured measured = measure(
            meter, [&view, row] { view.scrollToRow(row); },
            [&view] { return rowsShown(*view.table()); });
        worst.wallSeconds = std::max(worst.wallSeconds, measured.wallSeconds);
        worst.longestStallMs = std::max(worst.longestStallMs, measured.longestStallMs);
        worst.stalls += measured.stalls;
    }
    return worst;
}

void report(const char* interaction, const Measured& measured) {
    qInfo("%-28s until shown %8.2f s, longest GUI stall %5lld ms, stalls > %lld ms: %d",
          interaction, measured.wallSeconds, measured.longestStallMs, kStallMs, measured.stalls);
}

}  // namespace

class BenchMainWindowLatency : public QObject {
    Q_OBJECT
  private slots:
    void interactionsOnALargeDump();
};

void BenchMainWindowLatency::interactionsOnALargeDump() {
    StallMeter meter;
    std::unique_ptr<test::WindowUnderTest> ui;
    // The view shows the result and nothing in the window is loading any more.
    const auto shownAndSettled = [&ui](const std::function<bool()>& shown) {
        return [&ui, shown] {
            return ui && ui->window->isSettled() && shown() && ui->window->stillLoading().isEmpty();
        };
    };
    const Measured opening = measure(
        meter,
        [&ui] {
            ui = std::make_unique<test::WindowUnderTest>();
            ui->documents->setMemoryBudget(memoryBudgetBytes());
            ui->documents->open(dumpPath());
        },
        shownAndSettled([] { return true; }));
    QVERIFY2(ui && ui->documents->current()->state() == DumpDocument::State::Ready,
             qPrintable(ui ? ui->messages() : QString("no window")));
    DumpDocument* document = ui->documents->current();
    qInfo("%s: %lld tokens, %zu sites, d = %lld, budget %zu MiB", qPrintable(dumpPath()),
          qlonglong(document->info().n_tokens), document->info().sites.size(),
          qlonglong(document->info().sites.front().d), memoryBudgetBytes() >> 20);
    report("open (pass, first views)", opening);

    ProjectionView* projection = ui->window->views().projection;
    const SiteIndex other = document->info().sites.size() > 1 ? 1 : 0;
    report("switch site", measure(
                              meter, [&] { document->setCurrentSite(other); }, shownAndSettled([&] {
                                  return projection->shownCloud() &&
                                         projection->shownCloud()->request.site == other;
                              })));

    TokenTableModel* table = ui->window->views().table->model();
    const int metricColumn = table->columnCount() - 1;
    report("sort the token table",
           measure(
               meter, [&] { table->sort(metricColumn, Qt::DescendingOrder); },
               shownAndSettled([&] { return !table->isComputing(); })));
    qInfo("  table status after the sort: '%s'", qPrintable(table->status()));
    report("scroll the table (slowest)", measureScrolling(meter, *ui->window->views().table));

    HistogramView* histogram = ui->window->histogramView();
    const ValueRange range = histogram->effectiveRange();
    report(
        "brush a histogram range",
        measure(
            meter,
            [&] { histogram->selectRange(range.low, range.low + 0.2 * (range.high - range.low)); },
            shownAndSettled([&] { return document->selection()->count() > 0; })));

    report("re-bin the histogram", measure(
                                       meter, [&] { histogram->setBins(37); }, shownAndSettled([&] {
                                           return histogram->histogram() &&
                                                  histogram->histogram()->counts.size() == 37;
                                       })));

    report("clear the selection",
           measure(
               meter, [&] { document->selection()->clear(); },
               shownAndSettled([&] { return document->selection()->count() == 0; })));
    ui->window->grab().save(LNGEOM_TEST_OUTPUT_DIR "/bench-main-window-latency.png");
}

LNGEOM_WIDGETS_TEST_MAIN(BenchMainWindowLatency)
#include "bench_main_window_latency.moc"
