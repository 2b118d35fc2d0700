#pragma once
// How a view computes from per-token columns without blocking the GUI thread: a job that reads
// few rows runs at once (the view is up to date when the call returns, as small dumps and tests
// expect); a larger one runs on the view's worker thread and its result is applied on the GUI
// thread when it arrives, unless a newer job replaced it. A job that throws reports its message.
// Batch rendering (figures on the command line) runs every job at once.

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/io/dump.h"
#include "widgets/document/busy_jobs.h"
#include "widgets/document/latest_job_worker.h"

namespace lngeom::widgets {

class ViewJobs {
  public:
    // `label` names what the jobs compute for ("the histogram") while they run.
    ViewJobs(QObject* owner, std::string label) : owner_(owner), label_(std::move(label)) {}

    // Rows a job may read on the GUI thread (default 2^20: a few milliseconds).
    static void setInlineRowLimit(Index rows);
    static Index inlineRowLimit();
    // A job of `rows` rows runs on the GUI thread.
    static bool runsInline(Index rows) { return rows <= inlineRowLimit(); }

    // compute(cancel) reads about `rows` rows; apply(result) or failed(message) follow on the GUI
    // thread. A cancelled job (CancelledError) reports nothing.
    template <typename Result>
    void run(Index rows, std::function<Result(const std::atomic<bool>& cancel)> compute,
             std::function<void(Result)> apply, std::function<void(const QString&)> failed = {});
    // As run(), always on the worker: for a job asked for while Qt paints (a model's data()),
    // where applying a result at once would change the model under the painter.
    template <typename Result>
    void runOnWorker(std::function<Result(const std::atomic<bool>& cancel)> compute,
                     std::function<void(Result)> apply,
                     std::function<void(const QString&)> failed = {});

    // A job is running or waiting on the worker.
    bool busy() const { return *busy_; }
    // Drops the waiting job and cancels the running one; nothing of theirs is applied.
    void cancel();

  private:
    static void report(const std::exception_ptr& error,
                       const std::function<void(const QString&)>& failed);

    QObject* owner_;
    std::string label_;
    std::shared_ptr<int> generation_ = std::make_shared<int>(0);
    std::shared_ptr<bool> busy_ = std::make_shared<bool>(false);
    LatestJobWorker worker_;  // last: joined before the rest goes
};

template <typename Result>
void ViewJobs::run(Index rows, std::function<Result(const std::atomic<bool>& cancel)> compute,
                   std::function<void(Result)> apply, std::function<void(const QString&)> failed) {
    if (!runsInline(rows))
        return runOnWorker<Result>(std::move(compute), std::move(apply), std::move(failed));
    ++*generation_;
    worker_.cancel();
    *busy_ = false;
    const std::atomic<bool> never(false);
    std::optional<Result> result;
    try {
        result.emplace(compute(never));
    } catch (...) {
        return report(std::current_exception(), failed);
    }
    apply(std::move(*result));
}

template <typename Result>
void ViewJobs::runOnWorker(std::function<Result(const std::atomic<bool>& cancel)> compute,
                           std::function<void(Result)> apply,
                           std::function<void(const QString&)> failed) {
    const int generation = ++*generation_;
    *busy_ = true;
    // The GUI-thread state is reached only through queued calls on `owner_`, never from here.
    // The mark lives as long as the job or its queued result.
    auto done = [owner = QPointer<QObject>(owner_), generations = generation_, busy = busy_,
                 generation, mark = markBusy(label_)](std::function<void()> onGui) {
        if (!owner) return;
        QMetaObject::invokeMethod(
            owner.data(),
            [generations, busy, generation, mark, onGui = std::move(onGui)] {
                if (*generations != generation) return;
                *busy = false;
                onGui();
            },
            Qt::QueuedConnection);
    };
    worker_.submit([compute = std::move(compute), apply = std::move(apply),
                    failed = std::move(failed), done](const std::atomic<bool>& cancel) {
        try {
            auto result = std::make_shared<Result>(compute(cancel));
            if (!cancel) done([apply, result] { apply(std::move(*result)); });
        } catch (...) {
            if (cancel) return;
            done([error = std::current_exception(), failed] { report(error, failed); });
        }
    });
}

}  // namespace lngeom::widgets
