#include "widgets/document/latest_job_worker.h"

namespace lngeom::widgets {

LatestJobWorker::LatestJobWorker() : thread_([this] { run(); }) {}

LatestJobWorker::~LatestJobWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        pending_ = nullptr;
        if (runningCancel_) runningCancel_->store(true);
    }
    wake_.notify_one();
    thread_.join();
}

void LatestJobWorker::submit(Job job) {
    {
        std::lock_guard lock(mutex_);
        pending_ = std::move(job);
        if (runningCancel_) runningCancel_->store(true);
    }
    wake_.notify_one();
}

void LatestJobWorker::cancel() {
    std::lock_guard lock(mutex_);
    pending_ = nullptr;
    if (runningCancel_) runningCancel_->store(true);
}

void LatestJobWorker::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || pending_; });
        if (stopping_) return;
        Job job = std::move(pending_);
        pending_ = nullptr;
        auto cancel = std::make_shared<std::atomic<bool>>(false);
        runningCancel_ = cancel;
        lock.unlock();
        job(*cancel);
        lock.lock();
        runningCancel_.reset();
    }
}

}  // namespace lngeom::widgets
