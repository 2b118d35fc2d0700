#pragma once
// The "publication" preset for chart figures: the text font (DejaVu Sans, as matplotlib's
// default) at print sizes, thin black axes, faint grid lines, and a caption-ready title. Applied
// to a figure's own off-screen view, never to the one on screen.

#include <string>

class vtkChartXY;

namespace lngeom::widgets {

void applyPublicationStyle(vtkChartXY* chart, const std::string& title);

}  // namespace lngeom::widgets
