#pragma once
// Where to write short labels next to points of a figure (the tips of the step figure's
// vectors) so that no two overlap and none leaves its area: each label tries places around its
// point in turn and takes the first free one, as a person labelling a drawing would.

#include <Eigen/Core>
#include <vector>

#include "widgets/figures/page_projection.h"

namespace lngeom::widgets {

// A text's box on the page (points, y down).
struct PageBox {
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;

    bool intersects(const PageBox& other) const;
    bool inside(const PageRect& area) const;
};

class LabelPlacer {
  public:
    explicit LabelPlacer(const PageRect& area) : area_(area) {}

    // Space already taken (another label, a legend).
    void block(const PageBox& box) { taken_.push_back(box); }

    // The baseline's start for a label `width` wide whose glyphs reach `ascent` above and
    // `descent` below the baseline, next to `anchor`, preferably on the side `away` points to
    // (a vector's direction, so that its label sits beyond its tip, off its shaft); the box is
    // taken from then on. When no place is free, the one overlapping least (clamped inside the
    // area).
    Eigen::Vector2d place(const Eigen::Vector2d& anchor, double width, double ascent,
                          double descent, const Eigen::Vector2d& away = {1, 0});

  private:
    double overlap(const PageBox& box) const;

    PageRect area_;
    std::vector<PageBox> taken_;
};

}  // namespace lngeom::widgets
