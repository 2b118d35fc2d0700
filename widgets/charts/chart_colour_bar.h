#pragma once
// A colour bar beside a chart's plot (the heatmap's), saying what its colours mean: the bar with
// ticks and a title to its right, in room taken from the chart's right side, level with the
// plot. VTK's vtkColorLegend draws it; this places it before every render.

#include <vtkNew.h>
#include <vtkSmartPointer.h>

#include <string>

class vtkChartXY;
class vtkContextScene;
class vtkScalarsToColors;

namespace lngeom::widgets {

class ColourLegend;

class ChartColourBar {
  public:
    ChartColourBar(vtkChartXY* chart, vtkContextScene* scene);
    ~ChartColourBar();

    // Shows the bar for `colours` (its range is the bar's) with `title`; nullptr hides it and
    // gives the chart its room back.
    void show(vtkScalarsToColors* colours, const std::string& title);
    bool isShown() const;
    // The colours shown; nullptr while hidden.
    vtkScalarsToColors* colours() const;
    const std::string& title() const { return title_; }

    // Sizes the chart and places the bar for a picture of `width` × `height` pixels at `dpi`,
    // level with where the chart put its plot last time.
    void place(int width, int height, int dpi);
    // The bar's rectangle (x, y, width, height; y up from the bottom), as last placed.
    void barRect(double rect[4]) const;

  private:
    vtkChartXY* chart_;
    vtkSmartPointer<ColourLegend> legend_;
    std::string title_;
    int lastHeight_ = 0;  // the picture's height at the last placing
};

}  // namespace lngeom::widgets
