#pragma once
// A view's background job with its result delivered on the GUI thread: `compute` runs on the
// worker (replacing any job still waiting), then `done` receives its result, or `failed` the
// message of any error other than a cancellation, both queued to `receiver`'s thread.

#include <QMetaObject>
#include <QObject>
#include <QString>

#include <atomic>
#include <exception>
#include <utility>

#include "core/errors.h"
#include "widgets/document/latest_job_worker.h"

namespace lngeom::widgets {

template <typename Compute, typename Done, typename Failed>
void submitForResult(LatestJobWorker& worker, QObject* receiver, Compute compute, Done done,
                     Failed failed) {
    worker.submit([receiver, compute = std::move(compute), done = std::move(done),
                   failed = std::move(failed)](const std::atomic<bool>& cancel) {
        try {
            auto result = compute(cancel);
            QMetaObject::invokeMethod(
                receiver, [done, result = std::move(result)]() mutable { done(std::move(result)); },
                Qt::QueuedConnection);
        } catch (const CancelledError&) {
        } catch (const std::exception& error) {
            QMetaObject::invokeMethod(
                receiver, [failed, message = QString::fromUtf8(error.what())] { failed(message); },
                Qt::QueuedConnection);
        }
    });
}

}  // namespace lngeom::widgets
