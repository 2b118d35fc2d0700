#pragma once
// Internal to the core: a compact dataset keeps its values inside its object header, and
// libhdf5 copies shape × element size bytes out of that buffer without comparing the two. A
// damaged header that stores fewer bytes than the shape needs makes every read copy past the
// end of the buffer, so such a dataset is refused when it is opened.

#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// FormatError naming the dataset when it is compact and stores fewer bytes than its shape and
// element type need; nothing for any other dataset.
void require_compact_values_complete(const Dataset& dataset, const Where& where);

}  // namespace lngeom::hdf5
