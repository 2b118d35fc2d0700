#pragma once
// Keeps a chart's text inside its picture and apart, for any size from a narrow dock to a large
// figure, before every render: the title wrapped onto at most two lines and then shortened in
// the middle; axis titles and legend entries shortened to the room they have; numeric axes
// ticked as matplotlib ticks them (round steps, an offset and a power of ten taken out of labels
// that would repeat the same digits, shown after the axis title); categorical axes (the sites)
// labelled every k-th when not all labels fit side by side.
//
// The views set texts on the vtkChartXY as usual; a text that differs from what this layout last
// wrote is taken as the view's new, full text.

#include <array>
#include <map>
#include <string>
#include <vector>

class vtkAxis;
class vtkChartXY;
class vtkPlot;

namespace lngeom::widgets {

class ChartTextLayout {
  public:
    explicit ChartTextLayout(vtkChartXY* chart);

    // Labels of the categories at 0, 1, 2, ... along `axis` (vtkAxis::LEFT, BOTTOM, ...); none:
    // the axis is numeric.
    void setCategories(int axis, std::vector<std::string> labels);
    // A numeric axis whose plots hold log10 of the values: ticked at powers of ten, labelled
    // with the values (log_axis_ticks).
    void setLogarithmic(int axis, bool logarithmic);

    // The title as the view set it, before fitting.
    std::string fullTitle() const;

    // Fits every text to a picture of `width` × `height` pixels at `dpi`, from where the chart
    // placed its axes last time (as fractions of the picture, so a capture at twice the size
    // lays out as the screen does).
    void apply(int width, int height, int dpi);
    // After a render: where the chart placed its axes in a picture of `width` × `height`. True
    // when that differs enough from what apply() assumed that another render is due.
    bool placesChanged(int width, int height);

    // While frozen (a vector export swaps the texts for ASCII placeholders), apply() does nothing.
    void setFrozen(bool frozen) { frozen_ = frozen; }

  private:
    // A text as the view set it and as this layout last wrote it.
    struct Fitted {
        std::string full;
        std::string written;
        // The view's text: the current one unless it is what this layout wrote.
        const std::string& update(const std::string& current);
    };

    struct AxisPlace {
        double from = 0.15;  // the axis's extent along its direction, as fractions of the picture
        double to = 0.9;
    };

    void fitTitle(int width, int dpi);
    void tickAxis(int index, int width, int height, int dpi);
    double verticalTitleRoom(const AxisPlace& place, int height, int dpi) const;
    void fitAxisTitle(vtkAxis* axis, Fitted& fitted, const std::string& note, double length,
                      int dpi);
    void fitLegend(int width, int dpi);

    vtkChartXY* chart_;
    Fitted title_;
    std::array<Fitted, 4> axisTitles_;
    std::array<std::vector<std::string>, 4> categories_;
    std::array<bool, 4> logarithmic_{};
    std::array<AxisPlace, 4> places_;
    std::map<const vtkPlot*, Fitted> plotLabels_;
    bool frozen_ = false;
};

}  // namespace lngeom::widgets
