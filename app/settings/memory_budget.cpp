#include "app/settings/memory_budget.h"

#include <QSettings>

namespace lngeom::app {
namespace {

const QString kBudgetKey = QStringLiteral("memoryBudgetMB");

bool withinRange(long megabytes) {
    return megabytes >= kMinimumMemoryBudgetMb && megabytes <= kMaximumMemoryBudgetMb;
}

}  // namespace

std::optional<long> parseMemoryBudgetMb(const QString& text, QString* error) {
    bool number = false;
    const long megabytes = text.trimmed().toLong(&number);
    if (number && withinRange(megabytes)) return megabytes;
    *error = QStringLiteral("--memory-budget needs whole megabytes from %1 to %2, not '%3'")
                 .arg(kMinimumMemoryBudgetMb)
                 .arg(kMaximumMemoryBudgetMb)
                 .arg(text);
    return std::nullopt;
}

long savedMemoryBudgetMb() {
    bool number = false;
    const long megabytes = QSettings().value(kBudgetKey).toLongLong(&number);
    return number && withinRange(megabytes) ? megabytes : kDefaultMemoryBudgetMb;
}

void saveMemoryBudgetMb(long megabytes) { QSettings().setValue(kBudgetKey, qlonglong(megabytes)); }

}  // namespace lngeom::app
