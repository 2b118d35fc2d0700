#pragma once
// How a view that reads its one result from the dump on a worker (a chart of every site, or of
// the current one) follows its document: it binds the document (DocumentBinding) and starts its
// job again whenever the document's state or current site changes, but a hidden view reads
// nothing: while it is not visible (a dock tab not raised) the job waits, and starts when the
// view is shown. Only the result or failure of the latest job reaches the view; computeNow()
// runs the same job on the calling thread (figures, tests).

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <string>
#include <utility>

#include "widgets/document/document_binding.h"
#include "widgets/document/latest_job_worker.h"
#include "widgets/document/worker_results.h"

class QEvent;
class QWidget;

namespace lngeom::widgets {

class DumpDocument;

// The binding, the deferral until shown and the job generation; DeferredViewJob adds the job.
class DeferredRefresh : public QObject {
  public:
    // reset(): forget the last result and take at once what the ready document has (both at
    // every refresh, before the job starts); redraw(): show the new state (after it).
    DeferredRefresh(QWidget* view, std::function<void()> reset, std::function<void()> redraw);
    ~DeferredRefresh() override;  // cancels the running job and waits for it

    // The view's binding: for its state overlay, site-change callback and columns.
    DocumentBinding& binding() { return binding_; }
    const DocumentBinding& binding() const { return binding_; }
    void setDocument(DumpDocument* document) { binding_.setDocument(document); }
    DumpDocument* document() const { return binding_.document(); }
    bool isReady() const { return binding_.isReady(); }
    // The document is ready but the view was hidden: its job starts when it is shown.
    bool isDeferred() const { return deferred_; }

    // Cancels the job, resets the view and starts the job again (or defers it), then redraws.
    void refresh();

  protected:
    // Submits the job of `generation` on worker().
    virtual void start(int generation) = 0;
    // Cancels the job and any deferral; the new job's generation.
    int restart();
    // No refresh came since the job of `generation` started.
    bool isLatest(int generation) const { return generation == generation_; }
    LatestJobWorker& worker() { return worker_; }
    QWidget* view() const { return view_; }

  private:
    bool eventFilter(QObject* watched, QEvent* event) override;

    QWidget* view_;
    std::function<void()> reset_;
    std::function<void()> redraw_;
    DocumentBinding binding_;
    int generation_ = 0;
    bool deferred_ = false;
    LatestJobWorker worker_;  // last: joined before the rest goes
};

template <typename Result>
class DeferredViewJob : public DeferredRefresh {
  public:
    // Computes the result; `cancel` is nullptr when computed now.
    using Read = std::function<Result(const std::atomic<bool>* cancel)>;
    struct Steps {
        std::function<void()> reset;
        // Called on the GUI thread when the document is ready: the read, with what it needs of
        // the document (its dump, the current site) captured by value, as it runs on the worker.
        std::function<Read()> read;
        std::function<void(Result)> apply;           // the latest job's result
        std::function<void(const QString&)> failed;  // the latest job's error message
        std::function<void()> redraw;
    };

    // `label` names the job while it runs (busy_jobs.h: --screenshot waits for it).
    DeferredViewJob(QWidget* view, std::string label, Steps steps)
        : DeferredRefresh(view, steps.reset, steps.redraw),
          label_(std::move(label)),
          steps_(std::move(steps)) {}

    // Reads the result now, on the calling thread, and applies it; nothing without a ready
    // document. lngeom::Error from the dump.
    void computeNow() {
        if (!isReady()) return;
        const int generation = restart();
        Result result = steps_.read()(nullptr);
        if (isLatest(generation) && isReady()) steps_.apply(std::move(result));
    }

  private:
    void start(int generation) override {
        submitForResult(
            worker(), view(), label_,
            [read = steps_.read()](const std::atomic<bool>& cancel) { return read(&cancel); },
            [this, generation](Result result) {
                if (isLatest(generation) && isReady()) steps_.apply(std::move(result));
            },
            [this, generation](const QString& message) {
                if (isLatest(generation)) steps_.failed(message);
            });
    }

    std::string label_;
    Steps steps_;
};

}  // namespace lngeom::widgets
