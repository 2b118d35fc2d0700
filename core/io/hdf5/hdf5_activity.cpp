#include "core/io/hdf5/hdf5_activity.h"

namespace lngeom::hdf5 {

namespace {
thread_local const ActivityListener* t_listener = nullptr;
}  // namespace

ActivityWatch::ActivityWatch(ActivityListener listener)
    : listener_(std::move(listener)), previous_(t_listener) {
    t_listener = &listener_;
}

ActivityWatch::~ActivityWatch() { t_listener = previous_; }

void announce(const Where& where, std::string_view activity) {
    if (t_listener) (*t_listener)(where, activity);
}

}  // namespace lngeom::hdf5
