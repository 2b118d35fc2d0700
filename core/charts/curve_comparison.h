#pragma once
// Two dumps' per-site curves on one axis: each curve laid out along the aligned sites, and the
// difference of their means where both dumps have the site.

#include <vector>

#include "core/charts/layer_curves.h"
#include "core/charts/site_alignment.h"

namespace lngeom {

enum class Side { Left, Right };

// Entry r is the curve's value at rows[r]'s site on `side`; NaN (count 0) where it has none.
LayerCurve aligned_curve(const LayerCurve& curve, const std::vector<AlignedSite>& rows, Side side);

// right.mean − left.mean per entry (NaN where either is NaN); both aligned to the same rows.
std::vector<double> mean_differences(const LayerCurve& left, const LayerCurve& right);

}  // namespace lngeom
