#pragma once
// The two sample dumps the window opens when started without files: tiny trained models that
// differ only in their norm (LayerNorm first, RMSNorm beside it for comparison).

#include <QStringList>

namespace lngeom::app {

// Installed next to the executable (../share/lngeom/data), else in the source tree.
QStringList sampleDumpPaths();

}  // namespace lngeom::app
