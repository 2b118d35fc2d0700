#pragma once
// A VtkViewWidget showing a 2D VTK chart (vtkChartXY) with the chart's own pan and zoom.
// Charts are VTK charts so that they export as true vector graphics.

#include <vtkNew.h>
#include <QColor>
#include <QString>

#include <memory>
#include <span>
#include <string>

#include "widgets/vtk_hosting/vtk_view_widget.h"

class vtkChartXY;
class vtkContextView;

namespace lngeom::widgets {

class ChartCaptureScaling;

// Precomputed bins of equal width: bin i spans [edges[i], edges[i + 1]) and has height
// heights[i].
struct BarSeries {
    std::span<const double> edges;
    std::span<const double> heights;
};

struct ChartTitles {
    std::string chart;
    std::string xAxis;
    std::string yAxis;
};

class ChartView : public VtkViewWidget {
    Q_OBJECT
  public:
    explicit ChartView(QWidget* parent = nullptr);
    ~ChartView() override;

    vtkChartXY* chart() const;

    // Replaces what the chart shows by one bar per bin (VTK 9.1 has no 1-D histogram plot).
    // Throws std::invalid_argument for inconsistent or unequal bins.
    void showBars(const BarSeries& bars, const ChartTitles& titles);
    void setBarColour(const QColor& colour);
    QColor barColour() const { return barColour_; }

    // Writes the chart as vector graphics; the format follows the extension (.svg, .pdf, .eps).
    // Returns false for an unknown extension or when nothing was written.
    bool exportVector(const QString& path);

  protected:
    void beginScaledCapture(double scale) override;
    void endScaledCapture() override;

  private:
    vtkNew<vtkContextView> contextView_;
    vtkNew<vtkChartXY> chart_;
    QColor barColour_{70, 110, 190};
    std::unique_ptr<ChartCaptureScaling> captureScaling_;
};

}  // namespace lngeom::widgets
