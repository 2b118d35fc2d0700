#include "widgets/charts/chart_capture_scaling.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPen.h>
#include <vtkPlot.h>
#include <vtkTextProperty.h>

#include <cmath>

namespace lngeom::widgets {

namespace {

constexpr int kAxisCount = 4;

int scaled(int pixels, double scale) { return static_cast<int>(std::lround(pixels * scale)); }

}  // namespace

ChartCaptureScaling::ChartCaptureScaling(vtkChartXY* chart, double scale)
    : chart_(chart), hiddenAxisBorder_(chart->GetHiddenAxisBorder()) {
    for (int index = 0; index < kAxisCount; ++index) {
        vtkAxis* axis = chart_->GetAxis(index);
        scalePen(axis->GetPen(), scale);
        scalePen(axis->GetGridPen(), scale);
    }
    for (vtkIdType index = 0; index < chart_->GetNumberOfPlots(); ++index)
        scalePen(chart_->GetPlot(index)->GetPen(), scale);
    scaleLayoutGaps(scale);
}

ChartCaptureScaling::~ChartCaptureScaling() {
    for (const SavedPen& saved : pens_) saved.pen->SetWidth(saved.width);
    chart_->SetHiddenAxisBorder(hiddenAxisBorder_);
    for (int index = 0; index < kAxisCount; ++index) {
        vtkAxis* axis = chart_->GetAxis(index);
        axis->SetMargins(axisGaps_[index].margins);
        axis->SetLabelOffset(axisGaps_[index].labelOffset);
        axis->GetTitleProperties()->SetLineOffset(axisGaps_[index].titleLineOffset);
    }
}

void ChartCaptureScaling::scalePen(vtkPen* pen, double scale) {
    pens_.push_back({pen, pen->GetWidth()});
    pen->SetWidth(static_cast<float>(pen->GetWidth() * scale));
}

void ChartCaptureScaling::scaleLayoutGaps(double scale) {
    chart_->SetHiddenAxisBorder(scaled(hiddenAxisBorder_, scale));
    for (int index = 0; index < kAxisCount; ++index) {
        vtkAxis* axis = chart_->GetAxis(index);
        SavedAxisGaps saved{};
        axis->GetMargins(saved.margins);
        saved.labelOffset = axis->GetLabelOffset();
        axisGaps_.push_back(saved);
        axis->SetMargins(scaled(saved.margins[0], scale), scaled(saved.margins[1], scale));
        axis->SetLabelOffset(static_cast<float>(saved.labelOffset * scale));
        // The title's line offset (the publication style's gap to the tick labels) is in
        // pixels too.
        vtkTextProperty* title = axis->GetTitleProperties();
        axisGaps_.back().titleLineOffset = title->GetLineOffset();
        title->SetLineOffset(axisGaps_.back().titleLineOffset * scale);
    }
}

}  // namespace lngeom::widgets
