#pragma once
// While a chart is rendered at a multiple of its size, keeps it looking like the screen: pen
// widths and layout gaps (given in pixels) scale with the image (the ticks, laid out from text
// sizes by ChartTextLayout, stay where they are by themselves). Everything is restored on
// destruction.

#include <vtkSmartPointer.h>

#include <vector>

class vtkChartXY;
class vtkPen;

namespace lngeom::widgets {

class ChartCaptureScaling {
  public:
    ChartCaptureScaling(vtkChartXY* chart, double scale);
    ~ChartCaptureScaling();
    ChartCaptureScaling(const ChartCaptureScaling&) = delete;
    ChartCaptureScaling& operator=(const ChartCaptureScaling&) = delete;

  private:
    struct SavedPen {
        vtkSmartPointer<vtkPen> pen;
        float width;
    };

    struct SavedAxisGaps {
        int margins[2];
        float labelOffset;
        double titleLineOffset;
    };

    void scalePen(vtkPen* pen, double scale);
    void scaleLayoutGaps(double scale);

    vtkChartXY* chart_;
    std::vector<SavedPen> pens_;
    std::vector<SavedAxisGaps> axisGaps_;
    int hiddenAxisBorder_;
};

}  // namespace lngeom::widgets
