#pragma once
// Internal to the core: what the reader is about to ask libhdf5, told to whoever must be able
// to say it should libhdf5 never answer — the validation probe, which runs in a child process
// and reports each step before taking it, so that a crash or a hang inside libhdf5 can be
// named ("libhdf5 crashed while reading /model's attributes"). Nobody listens by default; an
// announcement then costs one thread-local load.

#include <functional>
#include <string_view>

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

using ActivityListener = std::function<void(const Where& where, std::string_view activity)>;

// While alive, the reader's announcements on this thread go to `listener`.
class ActivityWatch {
  public:
    explicit ActivityWatch(ActivityListener listener);
    ~ActivityWatch();
    ActivityWatch(const ActivityWatch&) = delete;
    ActivityWatch& operator=(const ActivityWatch&) = delete;

  private:
    ActivityListener listener_;
    const ActivityListener* previous_;
};

// `activity` says what is done to where.object, in words that follow "while": "reading its
// attributes", "opening it".
void announce(const Where& where, std::string_view activity);

}  // namespace lngeom::hdf5
