#include "widgets/figures/text_column.h"

#include "widgets/figures/svg_text.h"

namespace lngeom::widgets {
namespace {

// Body sizes tried, largest first; headings and formulas are a little larger.
constexpr double kBodySizes[] = {9.5, 8.5, 7.5, 6.5};
// A line wraps onto at most this many before it is shortened; notes, which are sentences, more.
constexpr int kLinesPerLine = 2;
constexpr int kLinesPerNote = 4;

SvgTextStyle styleOf(TextColumn::Kind kind, double body) {
    switch (kind) {
        case TextColumn::Kind::Heading:
            return {.points = body + 0.5, .bold = true};
        case TextColumn::Kind::Formula:
            return {.points = body + 1.5};
        case TextColumn::Kind::Note:
            return {.points = body - 0.5, .colour = "#444"};
        case TextColumn::Kind::Body:
            break;
    }
    return {.points = body};
}

std::string swatchSvg(double left, double baseline, double size, const std::string& colour) {
    return "<rect x=\"" + svgNumber(left) + "\" y=\"" + svgNumber(baseline - size) + "\" width=\"" +
           svgNumber(size) + "\" height=\"" + svgNumber(size) + "\" fill=\"" + colour + "\"/>\n";
}

}  // namespace

void TextColumn::add(const std::string& text, Kind kind, const std::string& swatch) {
    lines_.push_back({text, kind, swatch, pendingSpace_, grouping_ ? groups_ - 1 : -1});
    pendingSpace_ = 0;
}

void TextColumn::space(double lines) { pendingSpace_ += lines; }

void TextColumn::startGroup() {
    grouping_ = true;
    ++groups_;
}

std::string TextColumn::layout(const PageRect& area, double bodyPoints, int groups,
                               const std::string& what, double& height) const {
    std::string out;
    double y = area.top;
    const double bodyLine = svgLineHeight({.points = bodyPoints});
    for (const Line& line : lines_) {
        if (line.group >= groups) continue;
        const SvgTextStyle style = styleOf(line.kind, bodyPoints);
        const double step = svgLineHeight(style);
        const double indent = line.swatch.empty() ? 0 : 0.9 * style.points + 4;
        y += line.spaceBefore * bodyLine;
        bool first = true;
        for (const std::string& text :
             svgFittedLines(line.text, area.width - indent,
                            line.kind == Kind::Note ? kLinesPerNote : kLinesPerLine, style)) {
            const double baseline = y + 0.8 * step;
            if (first && !line.swatch.empty())
                out += swatchSvg(area.left, baseline, 0.75 * style.points, line.swatch);
            out += svgText(area.left + indent, baseline, text, style);
            y += step;
            first = false;
        }
    }
    if (groups < groups_) {
        const SvgTextStyle style = styleOf(Kind::Note, bodyPoints);
        const int left = groups_ - groups;
        y += 0.5 * bodyLine;
        out += svgText(area.left, y + 0.8 * svgLineHeight(style),
                       "… " + std::to_string(left) + " more " + what + (left > 1 ? "s" : "") +
                           " (in the figure's recipe)",
                       style);
        y += svgLineHeight(style);
    }
    height = y - area.top;
    return out;
}

std::string TextColumn::svg(const PageRect& area, const std::string& what) const {
    double height = 0;
    std::string out;
    for (double body : kBodySizes) {
        out = layout(area, body, groups_, what, height);
        if (height <= area.height) return out;
    }
    const double smallest = kBodySizes[std::size(kBodySizes) - 1];
    for (int groups = groups_ - 1; groups >= 0; --groups) {
        out = layout(area, smallest, groups, what, height);
        if (height <= area.height) return out;
    }
    return out;
}

}  // namespace lngeom::widgets
