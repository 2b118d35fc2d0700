#pragma once
// One background thread that runs the most recent job only: submitting a job cancels the one
// running (through its flag) and replaces any job still waiting. Views use it to read and
// project vectors off the GUI thread; submit() never blocks on the running job.

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace lngeom::widgets {

class LatestJobWorker {
  public:
    // A job checks `cancel` between steps and returns early when it is set.
    using Job = std::function<void(const std::atomic<bool>& cancel)>;

    LatestJobWorker();
    ~LatestJobWorker();  // cancels the running job and waits for it
    LatestJobWorker(const LatestJobWorker&) = delete;
    LatestJobWorker& operator=(const LatestJobWorker&) = delete;

    void submit(Job job);
    // Cancels the running job and drops the waiting one.
    void cancel();

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable wake_;
    Job pending_;
    std::shared_ptr<std::atomic<bool>> runningCancel_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace lngeom::widgets
