#pragma once
// Which views have background work in flight, by name, for `lngeom --screenshot` (it waits for
// all of them, and names them when its bound passes) and the latency benchmark. A job holds a
// mark from its submission until its result is applied on the GUI thread; a job replaced,
// cancelled or dropped before it ran releases its mark when it is destroyed.

#include <memory>
#include <string>
#include <vector>

namespace lngeom::widgets {

// `label` names what the work is for, e.g. "the 3D projection". Thread-safe.
using BusyMark = std::shared_ptr<const void>;
BusyMark markBusy(const std::string& label);

// The labels of every mark still held, each once, in the order first marked.
std::vector<std::string> busyJobLabels();

}  // namespace lngeom::widgets
