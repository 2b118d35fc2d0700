#pragma once
// The statistics pass's kernel for float rows: token_metrics (token_metrics.h) fused with the
// massive-activation scan (core/analysis/magnitude_scan.h), so that the pass reads each row from
// memory once instead of once per pass over its block, and does the two in one loop: row r's
// sums run in double with a chain of dependent adds per lane, which leaves the core idle
// between them, while the scan of row r − 1 is integer work the core does in that idle time.

#include <cstdint>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/token_metrics.h"

namespace lngeom {

struct MagnitudeScan;  // core/analysis/magnitude_scan.h

// token_metrics for float input rows (n_rows × d), with the scan of every valid input row.
// `scan` (of d) gets each valid row as its row of the block; `largest` is resized to n_rows and
// gets each valid row's max |x| (0 for invalid rows). The metrics and the scan are the bits
// token_metrics and scan_magnitudes give.
void token_metrics_scanned(const RowMatrixF& input, const RowBlock* output, double eps,
                           RowMatrixD& values, std::vector<std::uint8_t>& flags,
                           MagnitudeScan& scan, std::vector<float>& largest);

}  // namespace lngeom
