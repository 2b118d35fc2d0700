#pragma once
// One open dump and what every view of it shares: the reader, the per-token metrics once the
// background pass is done, the token texts, the current norm site and the linked selection.
// Opening and the metrics pass run on a worker thread, so the GUI thread never blocks on I/O.

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics_store.h"

namespace lngeom::widgets {

class TokenSelection;

class DumpDocument : public QObject {
    Q_OBJECT
  public:
    enum class State { Idle, Opening, Computing, Ready, Failed, Cancelled };

    DumpDocument(QString path, QString dataset, StoreOptions options, QObject* parent = nullptr);
    ~DumpDocument() override;  // cancels the pass and waits for the worker

    // Opens the file and runs (or loads from the cache) the metrics pass in the background.
    void load();
    // Stops the pass at the next block; the document then reports cancelled().
    void cancel();

    State state() const { return state_; }
    const QString& path() const { return path_; }
    const QString& dataset() const { return dataset_; }
    QString displayName() const;
    const QString& errorMessage() const { return errorMessage_; }
    // True when the open failed because a generic file holds several datasets and none was
    // named (SeveralDatasetsError): opening it again with one of them may succeed.
    bool needsDatasetChoice() const { return needsDatasetChoice_; }

    // Valid from infoReady() on.
    const DumpInfo& info() const;
    std::shared_ptr<const Dump> dump() const { return dump_; }
    TokenSelection* selection() const { return selection_; }
    // Valid from ready() on. Token texts, sequences and positions are read from dump() as
    // needed (core/io/token_labels.h).
    const MetricsStore& metrics() const;

    // The memory the document may use (the metrics pass, a table's sort), in bytes.
    std::size_t memoryBudget() const { return options_.pass.memory_budget_bytes; }

    SiteIndex currentSite() const { return currentSite_; }
    void setCurrentSite(SiteIndex site);

  signals:
    void infoReady();
    void progress(qint64 rowsDone, qint64 rowsTotal);
    void ready();
    void failed(const QString& message);
    void cancelled();
    void currentSiteChanged(SiteIndex site);

  private:
    void work(StoreOptions options);
    void publishInfo(std::shared_ptr<const Dump> dump);
    void publishMetrics(std::shared_ptr<MetricsStore> metrics);
    void publishFailure(State state, const QString& message, bool needsDatasetChoice);
    void failLater(State state, const std::exception& error, bool needsDatasetChoice = false);
    void reportProgress(Index rowsDone, Index rowsTotal);

    QString path_;
    QString dataset_;
    StoreOptions options_;
    State state_ = State::Idle;
    QString errorMessage_;
    bool needsDatasetChoice_ = false;
    std::shared_ptr<const Dump> dump_;
    std::shared_ptr<MetricsStore> metrics_;
    TokenSelection* selection_ = nullptr;
    SiteIndex currentSite_ = 0;
    std::atomic<bool> cancel_{false};
    std::atomic<std::int64_t> lastProgressMs_{0};
    std::thread worker_;
};

}  // namespace lngeom::widgets
