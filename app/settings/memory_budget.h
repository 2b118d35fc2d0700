#pragma once
// The app's memory budget: what each open dump may use for its statistics pass, a table's sort
// and the 3D view's points. Set with `lngeom --memory-budget MB` or Settings, kept in QSettings.

#include <QString>

#include <cstddef>
#include <optional>

namespace lngeom::app {

inline constexpr long kDefaultMemoryBudgetMb = 2048;
inline constexpr long kMinimumMemoryBudgetMb = 16;
inline constexpr long kMaximumMemoryBudgetMb = 1L << 20;  // 1 TB

// Whole megabytes from kMinimumMemoryBudgetMb to kMaximumMemoryBudgetMb, else nullopt and
// `error` says what is accepted.
std::optional<long> parseMemoryBudgetMb(const QString& text, QString* error);
// The remembered budget (kDefaultMemoryBudgetMb when none or an invalid one is stored).
long savedMemoryBudgetMb();
void saveMemoryBudgetMb(long megabytes);
inline std::size_t memoryBudgetBytes(long megabytes) { return std::size_t(megabytes) << 20; }

}  // namespace lngeom::app
