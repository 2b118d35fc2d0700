#include "widgets/document/dump_document.h"

#include <QFileInfo>
#include <QMetaObject>

#include <chrono>

#include "core/errors.h"
#include "core/isolation/contained_open.h"
#include "core/metrics/pass_budget.h"
#include "widgets/document/token_selection.h"

namespace lngeom::widgets {

namespace {

// Progress reaches the GUI at most this often; the pass reports after every block.
constexpr std::int64_t kProgressIntervalMs = 50;

std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace

DumpDocument::DumpDocument(QString path, QString dataset, StoreOptions options, QObject* parent)
    : QObject(parent),
      path_(std::move(path)),
      dataset_(std::move(dataset)),
      options_(std::move(options)) {}

DumpDocument::~DumpDocument() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
}

QString DumpDocument::displayName() const { return QFileInfo(path_).fileName(); }

const DumpInfo& DumpDocument::info() const {
    if (!dump_) throw RequestError(path_.toStdString(), "", "the dump is not open yet");
    return dump_->info();
}

const MetricsStore& DumpDocument::metrics() const {
    if (!metrics_) throw RequestError(path_.toStdString(), "", "the metrics are not computed yet");
    return *metrics_;
}

void DumpDocument::load() {
    if (worker_.joinable()) return;
    state_ = State::Opening;
    StoreOptions options = options_;
    options.pass.cancel = &cancel_;
    options.pass.progress = [this](Index done, Index total) { reportProgress(done, total); };
    worker_ = std::thread([this, options] { work(options); });
}

void DumpDocument::cancel() { cancel_ = true; }

void DumpDocument::setCurrentSite(SiteIndex site) {
    if (!dump_ || site >= dump_->info().sites.size()) return;
    if (site == currentSite_) return;
    currentSite_ = site;
    emit currentSiteChanged(site);
}

void DumpDocument::work(StoreOptions options) {
    try {
        // Validated in a process of its own first: a file libhdf5 crashes or hangs on fails
        // here with a message, and this process and every other document go on.
        ContainmentOptions containment;
        containment.cancel = &cancel_;
        auto dump = std::make_shared<const Dump>(
            open_dump_contained(path_.toStdString(), dataset_.toStdString(), containment));
        // The views size per-token state (the selection) from infoReady on, and the document
        // writes per-token columns to disk: a file declaring more tokens than the disk holds
        // (10^15 rows) fails here, before anything is sized.
        require_pass_within_budget(*dump, options.pass, false);
        MetricsStore::require_room_for_columns(*dump, dataset_.toStdString(), options);
        QMetaObject::invokeMethod(
            this, [this, dump] { publishInfo(dump); }, Qt::QueuedConnection);
        auto metrics = std::make_shared<MetricsStore>(
            MetricsStore::compute(*dump, dataset_.toStdString(), options));
        QMetaObject::invokeMethod(
            this, [this, metrics] { publishMetrics(metrics); }, Qt::QueuedConnection);
    } catch (const CancelledError& error) {
        failLater(State::Cancelled, error);
    } catch (const SeveralDatasetsError& error) {
        failLater(State::Failed, error, true);
    } catch (const std::exception& error) {
        failLater(State::Failed, error);
    }
}

void DumpDocument::failLater(State state, const std::exception& error, bool needsDatasetChoice) {
    const QString message = QString::fromStdString(error.what());
    QMetaObject::invokeMethod(
        this,
        [this, state, message, needsDatasetChoice] {
            publishFailure(state, message, needsDatasetChoice);
        },
        Qt::QueuedConnection);
}

void DumpDocument::publishInfo(std::shared_ptr<const Dump> dump) {
    dump_ = std::move(dump);
    selection_ = new TokenSelection(dump_->info().n_tokens, this);
    state_ = State::Computing;
    emit infoReady();
}

void DumpDocument::publishMetrics(std::shared_ptr<MetricsStore> metrics) {
    metrics_ = std::move(metrics);
    state_ = State::Ready;
    emit ready();
}

void DumpDocument::publishFailure(State state, const QString& message, bool needsDatasetChoice) {
    state_ = state;
    errorMessage_ = message;
    needsDatasetChoice_ = needsDatasetChoice;
    if (state == State::Cancelled)
        emit cancelled();
    else
        emit failed(message);
}

void DumpDocument::reportProgress(Index rowsDone, Index rowsTotal) {
    const std::int64_t now = nowMs();
    const bool last = rowsDone >= rowsTotal;
    if (!last && now - lastProgressMs_ < kProgressIntervalMs) return;
    lastProgressMs_ = now;
    QMetaObject::invokeMethod(
        this, [this, rowsDone, rowsTotal] { emit progress(rowsDone, rowsTotal); },
        Qt::QueuedConnection);
}

}  // namespace lngeom::widgets
