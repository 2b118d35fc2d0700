#include "widgets/charts/chart_capture_scaling.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPen.h>
#include <vtkPlot.h>

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
    freezeTicks();
}

ChartCaptureScaling::~ChartCaptureScaling() {
    for (const SavedPen& saved : pens_) saved.pen->SetWidth(saved.width);
    chart_->SetHiddenAxisBorder(hiddenAxisBorder_);
    for (int index = 0; index < kAxisCount; ++index) {
        vtkAxis* axis = chart_->GetAxis(index);
        axis->SetMargins(axisGaps_[index].margins);
        axis->SetLabelOffset(axisGaps_[index].labelOffset);
    }
    for (const int index : frozenAxes_) chart_->GetAxis(index)->SetCustomTickPositions(nullptr);
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
    }
}

void ChartCaptureScaling::freezeTicks() {
    for (int index = 0; index < kAxisCount; ++index) {
        vtkAxis* axis = chart_->GetAxis(index);
        // A CUSTOM axis has ticks its view set (site labels, say): they are fixed already.
        if (axis->GetBehavior() == vtkAxis::CUSTOM) continue;
        // Ticks are regenerated lazily (after a previous capture, say): bring them up to date
        // for the current, on-screen layout.
        axis->Update();
        vtkDoubleArray* current = axis->GetTickPositions();
        if (!axis->GetVisible() || current == nullptr || current->GetNumberOfTuples() == 0)
            continue;
        vtkNew<vtkDoubleArray> positions;
        positions->DeepCopy(current);
        axis->SetCustomTickPositions(positions);
        frozenAxes_.push_back(index);
    }
}

}  // namespace lngeom::widgets
