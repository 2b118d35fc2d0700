#pragma once
// A VtkViewWidget showing a 2D VTK chart (vtkChartXY) with the chart's own pan and zoom.
// Charts are VTK charts so that they export as true vector graphics.

#include <vtkNew.h>
#include <QColor>
#include <QString>

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "widgets/vtk_hosting/vtk_view_widget.h"

class vtkChartXY;
class vtkContextView;

namespace lngeom::widgets {

class ChartCaptureScaling;
class ChartColourBar;
class ChartTextLayout;

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

    // Labels of the categories at 0, 1, 2, ... along an axis (vtkAxis::BOTTOM, LEFT): every k-th
    // is written when they do not all fit. None: a numeric axis, ticked at round steps.
    void setCategories(int axis, std::vector<std::string> labels);
    // A numeric axis on a log scale: the view plots log10 of its values on it, and the axis is
    // ticked at powers of ten labelled with the values (10⁻¹, 10⁰, 10³).
    void setLogarithmic(int axis, bool logarithmic);
    // The colour bar beside the plot (hidden until shown).
    ChartColourBar* colourBar() const { return colourBar_.get(); }
    // The title as the view set it; the chart shows it fitted to its width.
    std::string fullTitle() const;
    // Renders until the text layout rests (a never-shown chart lays out from assumed axis
    // places first), so that a capture that follows is laid out for its size.
    void settleLayout();
    // The chart's background, text, axes and grid follow the widget's palette (the light or the
    // dark theme) unless told not to: a figure keeps paper colours (white, black) whatever the
    // window's theme.
    void setFollowsPalette(bool follows);
    // What lines meant to read like the text (means, markers) are drawn in.
    QColor foreground() const;

    // Writes the chart as vector graphics; the format follows the extension (.svg, .pdf, .eps).
    // Returns false for an unknown extension or when nothing was written.
    bool exportVector(const QString& path);

  signals:
    // The chart's colours changed (the theme): views redraw what they drew in foreground().
    void coloursChanged();

  protected:
    void changeEvent(QEvent* event) override;
    void beginScaledCapture(double scale) override;
    void endScaledCapture() override;

  private:
    void applyColours();

    vtkNew<vtkContextView> contextView_;
    vtkNew<vtkChartXY> chart_;
    QColor barColour_{70, 110, 190};
    void layOutText();
    void checkLayout();

    bool followsPalette_ = true;
    std::unique_ptr<ChartCaptureScaling> captureScaling_;
    std::unique_ptr<ChartTextLayout> textLayout_;
    std::unique_ptr<ChartColourBar> colourBar_;
    int relayouts_ = 0;
};

}  // namespace lngeom::widgets
