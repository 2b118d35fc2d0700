#include "widgets/charts/histogram_tooltip.h"

#include <QLocale>
#include <QObject>

#include <algorithm>
#include <cmath>

namespace lngeom::widgets {
namespace {

// Enough digits that neighbouring edges differ: one more than the bin width's first digit needs.
int edgeDecimals(double binWidth) {
    return std::clamp(int(std::ceil(-std::log10(binWidth))) + 1, 0, 12);
}

}  // namespace

QString binTooltip(const Histogram& histogram, const Histogram* selected, double x,
                   const QString& metricLabel) {
    if (histogram.counts.empty() || !(x >= histogram.low && x <= histogram.high)) return {};
    const int bin = histogram.bin_of(x);
    const int decimals = edgeDecimals(histogram.bin_width());
    const QLocale locale;
    QString text = QObject::tr("%1 from %2 to %3: %4 tokens")
                       .arg(metricLabel, QString::number(histogram.bin_low(bin), 'f', decimals),
                            QString::number(histogram.bin_low(bin + 1), 'f', decimals),
                            locale.toString(qint64(histogram.counts[std::size_t(bin)])));
    if (selected && std::size_t(bin) < selected->counts.size() &&
        selected->counts[std::size_t(bin)] > 0)
        text += QObject::tr(", %1 of them selected")
                    .arg(locale.toString(qint64(selected->counts[std::size_t(bin)])));
    return text;
}

}  // namespace lngeom::widgets
