#include "widgets/figures/figure_size.h"

#include <algorithm>
#include <cmath>

namespace lngeom::widgets {
namespace {

constexpr double kTallest = 1 / 0.75;  // height / width
constexpr double kWidest = 1.9;        // width / height
constexpr double kLargestArea = 4.0;   // × the default's
// A view smaller than this on screen (hidden, collapsed) says nothing about the figure's shape.
constexpr int kSmallestView = 64;

// Small multiples: panels of about 84 × 64 points, at most 12 per row.
FigureSize histogramGridSize(std::size_t sites) {
    const std::size_t count = std::max<std::size_t>(sites, 1);
    const std::size_t columns = std::min<std::size_t>(
        12, std::max<std::size_t>(1, std::size_t(std::ceil(std::sqrt(1.6 * double(count))))));
    const std::size_t rows = (count + columns - 1) / columns;
    return {int(std::max<std::size_t>(360, 40 + 84 * columns)), int(90 + 68 * rows)};
}

}  // namespace

FigureSize defaultFigureSize(FigureView view, std::size_t sites) {
    switch (view) {
        case FigureView::Projection:
        case FigureView::Ellipsoid:
            return {820, 640};
        case FigureView::Step:
            return {820, 520};
        case FigureView::Histograms:
            return histogramGridSize(sites);
        case FigureView::Histogram:
        case FigureView::Curves:
        case FigureView::NormGrowth:
        case FigureView::Massive:
        case FigureView::IoCurve:
        case FigureView::Heatmap:
            break;
    }
    return {640, 440};
}

FigureSize figureSizeOfView(FigureView view, std::size_t sites, int width, int height) {
    const FigureSize fallback = defaultFigureSize(view, sites);
    if (width < kSmallestView || height < kSmallestView) return fallback;
    double w = width, h = height;
    if (w / h > kWidest) w = h * kWidest;
    if (h / w > kTallest) h = w * kTallest;
    const double area = w * h, least = double(fallback.width) * fallback.height;
    const double grow = area < least                  ? std::sqrt(least / area)
                        : area > kLargestArea * least ? std::sqrt(kLargestArea * least / area)
                                                      : 1.0;
    return {int(std::lround(w * grow)), int(std::lround(h * grow))};
}

}  // namespace lngeom::widgets
