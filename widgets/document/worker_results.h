#pragma once
// A view's background job with its result delivered on the GUI thread: `compute` runs on the
// worker (replacing any job still waiting), then `done` receives its result, or `failed` the
// message of any error other than a cancellation, both queued to `receiver`'s thread. `label`
// counts as busy (busy_jobs.h) until then.

#include <QMetaObject>
#include <QObject>
#include <QString>

#include <atomic>
#include <exception>
#include <string>
#include <utility>

#include "core/errors.h"
#include "widgets/document/busy_jobs.h"
#include "widgets/document/latest_job_worker.h"

namespace lngeom::widgets {

template <typename Compute, typename Done, typename Failed>
void submitForResult(LatestJobWorker& worker, QObject* receiver, const std::string& label,
                     Compute compute, Done done, Failed failed) {
    worker.submit([receiver, mark = markBusy(label), compute = std::move(compute),
                   done = std::move(done),
                   failed = std::move(failed)](const std::atomic<bool>& cancel) {
        try {
            auto result = compute(cancel);
            QMetaObject::invokeMethod(
                receiver,
                [mark, done, result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
        } catch (const CancelledError&) {
        } catch (const std::exception& error) {
            QMetaObject::invokeMethod(
                receiver,
                [mark, failed, message = QString::fromUtf8(error.what())] { failed(message); },
                Qt::QueuedConnection);
        }
    });
}

}  // namespace lngeom::widgets
