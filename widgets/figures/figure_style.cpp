#include "widgets/figures/figure_style.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkPen.h>
#include <vtkTextProperty.h>

#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

// Sizes in points of a figure printed at its logical size (72 per inch): close to
// matplotlib's paper context, so lngeom figures sit well next to a paper's other plots.
constexpr int kTitlePoints = 13;
constexpr int kAxisTitlePoints = 12;
constexpr int kTickLabelPoints = 10;
constexpr float kAxisLineWidth = 1.0f;
constexpr float kGridLineWidth = 0.5f;
constexpr unsigned char kGridGrey = 220;
constexpr int kAxisTitleOffset = 8;  // pixels, about half the axis title's height

void styleText(vtkTextProperty* text, int points, bool bold) {
    text->SetFontSize(points);
    text->SetBold(bold);
    text->SetItalic(false);
    text->SetColor(0.0, 0.0, 0.0);
    useUnicodeFont(text);
}

void styleAxis(vtkAxis* axis) {
    styleText(axis->GetTitleProperties(), kAxisTitlePoints, false);
    styleText(axis->GetLabelProperties(), kTickLabelPoints, false);
    axis->GetPen()->SetColor(0, 0, 0);
    axis->GetPen()->SetWidth(kAxisLineWidth);
    axis->GetGridPen()->SetColor(kGridGrey, kGridGrey, kGridGrey);
    axis->GetGridPen()->SetWidth(kGridLineWidth);
    // VTK centres an axis title 10 px beyond its widest tick label, so half of a 12 pt title
    // reaches into the labels (wide ones like "2·ln1" overlap it). The line offset moves the
    // title away from the labels by as much.
    if (axis->GetPosition() == vtkAxis::LEFT || axis->GetPosition() == vtkAxis::BOTTOM)
        axis->GetTitleProperties()->SetLineOffset(kAxisTitleOffset);
}

}  // namespace

void applyPublicationStyle(vtkChartXY* chart, const std::string& title) {
    chart->SetTitle(title);
    styleText(chart->GetTitleProperties(), kTitlePoints, true);
    for (int axis = 0; axis < 4; ++axis) styleAxis(chart->GetAxis(axis));
}

}  // namespace lngeom::widgets
