#include "widgets/charts/statistics_text.h"

namespace lngeom::widgets {

QString summaryText(const Summary& summary) {
    if (summary.count == 0) return QStringLiteral("n = 0");
    const auto number = [](double value) { return QString::number(value, 'g', 5); };
    return QStringLiteral("n = %1, mean %2 ± %3 (SD), min %4, median %5, max %6")
        .arg(summary.count)
        .arg(number(summary.mean), number(summary.std), number(summary.min), number(summary.p50),
             number(summary.max));
}

}  // namespace lngeom::widgets
