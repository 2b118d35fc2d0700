#pragma once
// A Summary as one line of text for the views' statistics labels.

#include <QString>

#include "core/metrics/statistics.h"

namespace lngeom::widgets {

// "n = 512, mean 89.91 ± 1.23 (SD), min 84.2, median 90.0, max 95.1"; "n = 0" when empty.
QString summaryText(const Summary& summary);

}  // namespace lngeom::widgets
