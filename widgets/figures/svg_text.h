#pragma once
// The pieces of SVG that lngeom's figures drawn from geometry share: escaped character data,
// compact numbers, and <text> elements in the text font.

#include <string>
#include <vector>

namespace lngeom::widgets {

// `text` as SVG character data (&, < and > escaped).
std::string svgEscaped(const std::string& text);

// A coordinate or length with up to 5 significant digits.
std::string svgNumber(double value);

struct SvgTextStyle {
    double points = 10;
    const char* anchor = "start";  // "start", "middle" or "end"
    bool bold = false;
    const char* colour = "#000";  // "#rrggbb"
    double rotation = 0;          // degrees, clockwise, about the anchor point
};

// The opening of a figure's SVG: `width` × `height` points, on a white background.
std::string svgOpening(double width, double height);
// The same SVG without its white background (for a transparent PNG).
std::string withoutBackground(std::string svg);

// One line of text with its baseline's anchor at (x, y).
std::string svgText(double x, double y, const std::string& content, const SvgTextStyle& style);

// How wide `content` is in points, in the text font at the style's size (as the PDF and PNG
// painters draw it).
double svgTextWidth(const std::string& content, const SvgTextStyle& style);
// The distance between two lines' baselines, in points.
double svgLineHeight(const SvgTextStyle& style);
// `content` fitted to `width` points in at most `maxLines` lines (core/charts/text_fitting.h).
std::vector<std::string> svgFittedLines(const std::string& content, double width, int maxLines,
                                        const SvgTextStyle& style);

}  // namespace lngeom::widgets
