#include "widgets/charts/chart_text_layout.h"

#include <vtkAxis.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPlot.h>
#include <vtkStdString.h>
#include <vtkStringArray.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>

#include <algorithm>
#include <cmath>

#include "core/charts/axis_ticks.h"
#include "core/charts/text_fitting.h"

namespace lngeom::widgets {
namespace {

constexpr int kTitleLines = 2;
// Room kept between neighbouring labels and at the picture's edges, in ems of their font.
constexpr double kLabelGap = 0.8;
constexpr double kEdge = 0.4;
// More ticks than this crowd even a long axis (matplotlib's MaxNLocator default is 10 bins).
constexpr int kMostTicks = 11;
constexpr double kAxisTitleShare = 0.92;
// A move of the axes by more than this fraction of the picture calls for another layout pass.
constexpr double kPlaceTolerance = 0.02;

struct TextBox {
    double width = 0;
    double height = 0;
};

TextBox measure(vtkTextProperty* property, const std::string& text, int dpi) {
    if (text.empty()) return {};
    int box[4] = {0, 0, 0, 0};
    // The box of unrotated text: labels are laid out along their own lines.
    const double orientation = property->GetOrientation();
    property->SetOrientation(0);
    vtkTextRenderer::GetInstance()->GetBoundingBox(property, text, box, dpi);
    property->SetOrientation(orientation);
    return {double(box[1] - box[0] + 1), double(box[3] - box[2] + 1)};
}

TextWidth widthIn(vtkTextProperty* property, int dpi) {
    return [property, dpi](std::string_view text) {
        return measure(property, std::string(text), dpi).width;
    };
}

double em(vtkTextProperty* property, int dpi) { return property->GetFontSize() * dpi / 72.0; }

bool horizontal(int index) { return index == vtkAxis::BOTTOM || index == vtkAxis::TOP; }

void setTicks(vtkAxis* axis, const std::vector<double>& positions,
              const std::vector<std::string>& labels) {
    vtkNew<vtkDoubleArray> at;
    vtkNew<vtkStringArray> text;
    for (std::size_t tick = 0; tick < positions.size(); ++tick) {
        at->InsertNextValue(positions[tick]);
        text->InsertNextValue(labels[tick]);
    }
    axis->SetCustomTickPositions(at, text);
    axis->SetBehavior(vtkAxis::CUSTOM);
}

// How many labels of `extent` pixels (along the axis) fit on `length` pixels.
std::size_t fitting(double length, double extent) {
    return extent <= 0 ? 1 : std::size_t(std::max(1.0, std::floor(length / extent)));
}

}  // namespace

const std::string& ChartTextLayout::Fitted::update(const std::string& current) {
    if (current != written) full = current;
    return full;
}

ChartTextLayout::ChartTextLayout(vtkChartXY* chart) : chart_(chart) {
    for (int index = 0; index < 4; ++index)
        if (!horizontal(index)) places_[std::size_t(index)] = {0.15, 0.85};
}

std::string ChartTextLayout::fullTitle() const {
    const std::string current = chart_->GetTitle();
    return current == title_.written ? title_.full : current;
}

void ChartTextLayout::setCategories(int axis, std::vector<std::string> labels) {
    categories_[std::size_t(axis)] = std::move(labels);
}

void ChartTextLayout::setLogarithmic(int axis, bool logarithmic) {
    logarithmic_[std::size_t(axis)] = logarithmic;
}

void ChartTextLayout::apply(int width, int height, int dpi) {
    if (frozen_ || width <= 0 || height <= 0) return;
    fitTitle(width, dpi);
    for (int index = 0; index < 4; ++index)
        if (chart_->GetAxis(index)->GetVisible()) tickAxis(index, width, height, dpi);
    fitLegend(width, dpi);
}

// VTK centres the title over the plot: it may reach as far on either side of that centre as the
// nearer edge of the picture allows.
void ChartTextLayout::fitTitle(int width, int dpi) {
    const std::string& full = title_.update(chart_->GetTitle());
    vtkTextProperty* property = chart_->GetTitleProperties();
    const AxisPlace& bottom = places_[vtkAxis::BOTTOM];
    const double centre = 0.5 * (bottom.from + bottom.to) * width;
    // The plot (and the title's centre with it) may still move by the tolerance of a settled
    // layout (placesChanged), so the title keeps that much further from the edges.
    const double edge = kEdge * em(property, dpi) + kPlaceTolerance * width;
    const double room = 2 * std::min(centre - edge, width - edge - centre);
    title_.written = fit_text_joined(full, room, kTitleLines, widthIn(property, dpi));
    chart_->SetTitle(title_.written);
}

void ChartTextLayout::tickAxis(int index, int width, int height, int dpi) {
    vtkAxis* axis = chart_->GetAxis(index);
    vtkTextProperty* labels = axis->GetLabelProperties();
    const AxisPlace& place = places_[std::size_t(index)];
    const double length = (place.to - place.from) * (horizontal(index) ? width : height);
    const double gap = kLabelGap * em(labels, dpi);
    const auto extent = [&](const std::string& label) {
        const TextBox box = measure(labels, label, dpi);
        return (horizontal(index) ? box.width : box.height) + gap;
    };
    const std::vector<std::string>& categories = categories_[std::size_t(index)];
    std::string note;
    if (!categories.empty()) {
        double widest = 0;
        for (const std::string& label : categories) widest = std::max(widest, extent(label));
        std::vector<double> positions;
        std::vector<std::string> kept;
        for (std::size_t category :
             thinned_categories(categories.size(), fitting(length, widest))) {
            positions.push_back(double(category));
            kept.push_back(categories[category]);
        }
        setTicks(axis, positions, kept);
    } else {
        const double low = std::min(axis->GetMinimum(), axis->GetMaximum());
        const double high = std::max(axis->GetMinimum(), axis->GetMaximum());
        int most = std::clamp(int(fitting(length, 3 * em(labels, dpi))), 2, kMostTicks);
        const auto tick = logarithmic_[std::size_t(index)] ? log_axis_ticks : axis_ticks;
        AxisTicks ticks = tick(low, high, most);
        const auto widest = [&] {
            double found = 0;
            for (const std::string& label : ticks.labels) found = std::max(found, extent(label));
            return found;
        };
        while (most > 2 && double(ticks.positions.size()) * widest() > length)
            ticks = tick(low, high, --most);
        setTicks(axis, ticks.positions, ticks.labels);
        note = ticks.note;
    }
    fitAxisTitle(axis, axisTitles_[std::size_t(index)], note,
                 horizontal(index) ? length : verticalTitleRoom(place, height, dpi), dpi);
}

// A vertical axis title is centred on its axis, whose top VTK may tuck under a title of two
// lines: it keeps to the axis's length and below the title.
double ChartTextLayout::verticalTitleRoom(const AxisPlace& place, int height, int dpi) const {
    vtkTextProperty* title = chart_->GetTitleProperties();
    const auto lines = 1 + std::count(title_.written.begin(), title_.written.end(), '\n');
    const double titleBottom =
        title_.written.empty() ? height : height - double(lines) * 1.25 * em(title, dpi);
    const double centre = 0.5 * (place.from + place.to) * height;
    return std::min((place.to - place.from) * height, 2 * (titleBottom - centre));
}

void ChartTextLayout::fitAxisTitle(vtkAxis* axis, Fitted& fitted, const std::string& note,
                                   double length, int dpi) {
    const std::string& full = fitted.update(axis->GetTitle());
    if (full.empty() && note.empty()) return;
    const std::string text = note.empty() ? full : full.empty() ? note : full + "   " + note;
    // VTK centres the title on the axis: a little shorter, so that a layout that moves the axis
    // by a few pixels does not push it past the axis's ends.
    fitted.written = fit_text_joined(text, kAxisTitleShare * length, 1,
                                     widthIn(axis->GetTitleProperties(), dpi));
    axis->SetTitle(fitted.written);
}

// A legend outside the plot, below it, so that it never covers the data; each entry shortened
// to the picture's width.
void ChartTextLayout::fitLegend(int width, int dpi) {
    vtkChartLegend* legend = chart_->GetLegend();
    if (!legend || !legend->GetVisible()) return;
    legend->SetInline(false);
    legend->SetHorizontalAlignment(vtkChartLegend::CENTER);
    legend->SetVerticalAlignment(vtkChartLegend::BOTTOM);
    vtkTextProperty* property = legend->GetLabelProperties();
    const double room = width - 2 * kEdge * em(property, dpi) - 4 * em(property, dpi);
    std::map<const vtkPlot*, Fitted> kept;
    for (vtkIdType index = 0; index < chart_->GetNumberOfPlots(); ++index) {
        vtkPlot* plot = chart_->GetPlot(index);
        if (!plot->GetLegendVisibility()) continue;
        Fitted& fitted = kept[plot] = plotLabels_[plot];
        const std::string& full = fitted.update(plot->GetLabel());
        fitted.written = fit_text_joined(full, room, 1, widthIn(property, dpi));
        plot->SetLabel(fitted.written);
    }
    plotLabels_ = std::move(kept);
}

bool ChartTextLayout::placesChanged(int width, int height) {
    if (width <= 0 || height <= 0) return false;
    bool changed = false;
    for (int index = 0; index < 4; ++index) {
        vtkAxis* axis = chart_->GetAxis(index);
        const bool across = horizontal(index);
        const double side = across ? width : height;
        const int component = across ? 0 : 1;
        const AxisPlace now{axis->GetPoint1()[component] / side,
                            axis->GetPoint2()[component] / side};
        if (!(now.to > now.from)) continue;
        AxisPlace& place = places_[std::size_t(index)];
        changed = changed || std::abs(now.from - place.from) > kPlaceTolerance ||
                  std::abs(now.to - place.to) > kPlaceTolerance;
        place = now;
    }
    return changed;
}

}  // namespace lngeom::widgets
