#pragma once
// A column of text for figures drawn as SVG (the step figure's formulas and numbers): lines
// added in order, each fitted to the column's width (wrapped onto at most two lines, then
// shortened in the middle), written top-down at the largest size from a few that lets the
// whole column fit its height; what still does not fit is left out with a line saying so.

#include <string>
#include <vector>

#include "widgets/figures/page_projection.h"

namespace lngeom::widgets {

class TextColumn {
  public:
    enum class Kind { Heading, Formula, Body, Note };

    // A line of `kind`; `swatch` ("#rrggbb") draws a square of that colour before it.
    void add(const std::string& text, Kind kind, const std::string& swatch = {});
    // Vertical space before the next line, in body lines.
    void space(double lines = 0.5);
    // Lines from here on form a group the column leaves out whole when it runs out of room
    // (a token's lines); `name` says what a left-out group is ("token").
    void startGroup();
    // Lines from here on belong to no group: always written.
    void endGroup() { grouping_ = false; }

    // The column's SVG inside `area`; `what` names a left-out group in the closing line
    // ("… 3 more tokens").
    std::string svg(const PageRect& area, const std::string& what) const;

  private:
    struct Line {
        std::string text;
        Kind kind;
        std::string swatch;
        double spaceBefore = 0;
        int group = -1;
    };

    // The SVG at `bodyPoints`, writing at most `groups` groups; its height in `height`.
    std::string layout(const PageRect& area, double bodyPoints, int groups, const std::string& what,
                       double& height) const;

    std::vector<Line> lines_;
    double pendingSpace_ = 0;
    int groups_ = 0;
    bool grouping_ = false;
};

}  // namespace lngeom::widgets
