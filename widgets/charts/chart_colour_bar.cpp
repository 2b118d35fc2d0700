#include "widgets/charts/chart_colour_bar.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkColorLegend.h>
#include <vtkContextScene.h>
#include <vtkDoubleArray.h>
#include <vtkObjectFactory.h>
#include <vtkRect.h>
#include <vtkScalarsToColors.h>
#include <vtkStringArray.h>
#include <vtkTextProperty.h>
#include <vtkTextRenderer.h>

#include <algorithm>
#include <cstdio>

#include "core/charts/axis_ticks.h"
#include "core/charts/text_fitting.h"
#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {

// vtkColorLegend keeps its axis to itself; its text must be in the views' text font too.
class ColourLegend : public vtkColorLegend {
  public:
    static ColourLegend* New();
    vtkTypeMacro(ColourLegend, vtkColorLegend);
    vtkAxis* axis() { return Axis; }
};

vtkStandardNewMacro(ColourLegend);

namespace {

constexpr double kBarWidth = 14;  // points
constexpr double kGap = 10;
constexpr int kLabelPoints = 10;
constexpr int kTitlePoints = 11;

double textWidth(vtkTextProperty* property, const std::string& text, int dpi) {
    int box[4] = {0, 0, 0, 0};
    const double orientation = property->GetOrientation();
    property->SetOrientation(0);
    vtkTextRenderer::GetInstance()->GetBoundingBox(property, text, box, dpi);
    property->SetOrientation(orientation);
    return box[1] - box[0] + 1;
}

void setTicks(vtkAxis* axis, const AxisTicks& ticks) {
    vtkNew<vtkDoubleArray> positions;
    vtkNew<vtkStringArray> labels;
    for (std::size_t tick = 0; tick < ticks.positions.size(); ++tick) {
        positions->InsertNextValue(ticks.positions[tick]);
        labels->InsertNextValue(ticks.labels[tick]);
    }
    axis->SetCustomTickPositions(positions, labels);
}

}  // namespace

ChartColourBar::ChartColourBar(vtkChartXY* chart, vtkContextScene* scene)
    : chart_(chart), legend_(vtkSmartPointer<ColourLegend>::New()) {
    legend_->SetOrientation(vtkColorLegend::VERTICAL);
    legend_->SetDrawBorder(true);
    legend_->SetVisible(false);
    vtkAxis* axis = legend_->axis();
    for (vtkTextProperty* text : {axis->GetTitleProperties(), axis->GetLabelProperties()}) {
        text->SetFontSize(text == axis->GetTitleProperties() ? kTitlePoints : kLabelPoints);
        text->SetBold(false);
        useUnicodeFont(text);
    }
    scene->AddItem(legend_);
}

ChartColourBar::~ChartColourBar() = default;

void ChartColourBar::show(vtkScalarsToColors* colours, const std::string& title) {
    legend_->SetVisible(colours != nullptr);
    chart_->SetAutoSize(colours == nullptr);
    if (!colours) return;
    legend_->SetTransferFunction(colours);
    title_ = title;
    legend_->Update();  // the bar's image, which Paint draws without making it
}

bool ChartColourBar::isShown() const { return legend_->GetVisible(); }

vtkScalarsToColors* ChartColourBar::colours() const {
    return isShown() ? legend_->GetTransferFunction() : nullptr;
}

// The chart keeps the width left of the bar, its labels and its title. The plot's place from the
// last render is scaled to this one's size (a capture renders larger than the screen).
void ChartColourBar::place(int width, int height, int dpi) {
    if (!isShown() || width <= 0 || height <= 0) return;
    const double points = dpi / 72.0;
    vtkAxis* axis = legend_->axis();
    double range[2];
    std::copy_n(legend_->GetTransferFunction()->GetRange(), 2, range);
    const int* low = chart_->GetPoint1();
    const int* high = chart_->GetPoint2();
    const double scale = lastHeight_ > 0 ? double(height) / lastHeight_ : 1.0;
    const bool laidOut = high[1] > low[1];
    const double top = laidOut ? high[1] * scale : height * 0.85;
    const double bottom = laidOut ? low[1] * scale : height * 0.15;
    lastHeight_ = height;
    const double labelHeight = kLabelPoints * 1.2 * points;
    const AxisTicks ticks =
        axis_ticks(range[0], range[1], std::clamp(int((top - bottom) / (2.5 * labelHeight)), 2, 8));
    setTicks(axis, ticks);
    double widest = 0;
    for (const std::string& label : ticks.labels)
        widest = std::max(widest, textWidth(axis->GetLabelProperties(), label, dpi));
    const double titleHeight = kTitlePoints * 1.3 * points;
    const double room = (kGap + kBarWidth + kGap) * points + widest + titleHeight + kGap * points;
    chart_->SetSize(vtkRectf(0, 0, float(width - room), float(height)));
    legend_->SetPosition(vtkRectf(float(width - room + kGap * points), float(bottom),
                                  float(kBarWidth * points), float(top - bottom)));
    // The title runs along the bar: no longer than it.
    vtkTextProperty* title = axis->GetTitleProperties();
    legend_->SetTitle(fit_text_joined(title_, top - bottom, 1, [title, dpi](std::string_view text) {
        return textWidth(title, std::string(text), dpi);
    }));
}

void ChartColourBar::barRect(double rect[4]) const {
    const vtkRectf position = legend_->GetPosition();
    rect[0] = position.GetX();
    rect[1] = position.GetY();
    rect[2] = position.GetWidth();
    rect[3] = position.GetHeight();
}

}  // namespace lngeom::widgets
