#pragma once
// The "publication" preset for chart figures: a sans-serif face (DejaVu Sans in PNG, Helvetica
// in SVG and PDF) at print sizes, thin black axes,
// faint grid lines, and a caption-ready title. Applied to a figure's own off-screen view, never
// to the one on screen.

#include <string>

class vtkChartXY;

namespace lngeom::widgets {

void applyPublicationStyle(vtkChartXY* chart, const std::string& title);

// "<model name>: <what the chart shows>": the view's title without the file name it may start
// with ("<fileName>: "), which the model's name replaces.
std::string captionTitle(const std::string& modelName, const std::string& fileName,
                         std::string chartTitle);

}  // namespace lngeom::widgets
