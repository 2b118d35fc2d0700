#include "widgets/document/busy_jobs.h"

#include <algorithm>
#include <mutex>
#include <utility>

namespace lngeom::widgets {
namespace {

struct Registry {
    std::mutex mutex;
    std::vector<std::pair<std::string, int>> held;  // label, marks held
};

Registry& registry() {
    static Registry instance;
    return instance;
}

void release(const std::string& label) {
    Registry& jobs = registry();
    std::lock_guard lock(jobs.mutex);
    const auto found = std::find_if(jobs.held.begin(), jobs.held.end(),
                                    [&label](const auto& entry) { return entry.first == label; });
    if (found != jobs.held.end() && --found->second == 0) jobs.held.erase(found);
}

}  // namespace

BusyMark markBusy(const std::string& label) {
    Registry& jobs = registry();
    {
        std::lock_guard lock(jobs.mutex);
        const auto found =
            std::find_if(jobs.held.begin(), jobs.held.end(),
                         [&label](const auto& entry) { return entry.first == label; });
        if (found == jobs.held.end())
            jobs.held.emplace_back(label, 1);
        else
            ++found->second;
    }
    return BusyMark(new int(0), [label](const void* mark) {
        delete static_cast<const int*>(mark);
        release(label);
    });
}

std::vector<std::string> busyJobLabels() {
    Registry& jobs = registry();
    std::lock_guard lock(jobs.mutex);
    std::vector<std::string> labels;
    for (const auto& [label, count] : jobs.held) labels.push_back(label);
    return labels;
}

}  // namespace lngeom::widgets
