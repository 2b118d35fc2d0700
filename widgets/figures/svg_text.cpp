#include "widgets/figures/svg_text.h"

#include <sstream>
#include <string_view>

#include <QFontMetricsF>
#include <QImage>

#include "core/charts/text_fitting.h"
#include "widgets/support/text_font.h"

namespace lngeom::widgets {
namespace {

// Text is measured as the painters draw it: at 72 dots per inch, one point per unit.
QFontMetricsF metricsOf(const SvgTextStyle& style) {
    static const QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(2835);
        image.setDotsPerMeterY(2835);
        return image;
    }();
    return QFontMetricsF(textFont(style.points, style.bold), &device);
}

constexpr std::string_view kBackground = "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n";

}  // namespace

std::string svgOpening(double width, double height) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
           "width=\"" +
           svgNumber(width) + "pt\" height=\"" + svgNumber(height) + "pt\" viewBox=\"0 0 " +
           svgNumber(width) + " " + svgNumber(height) + "\">\n" + std::string(kBackground);
}

std::string withoutBackground(std::string svg) {
    const std::size_t at = svg.find(kBackground);
    if (at != std::string::npos) svg.erase(at, kBackground.size());
    return svg;
}

std::string svgEscaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

std::string svgNumber(double value) {
    std::ostringstream out;
    out.precision(5);
    out << value;
    return out.str();
}

std::string svgText(double x, double y, const std::string& content, const SvgTextStyle& style) {
    std::string out = "<text x=\"" + svgNumber(x) + "\" y=\"" + svgNumber(y) + "\"";
    if (style.rotation != 0)
        out += " transform=\"rotate(" + svgNumber(style.rotation) + " " + svgNumber(x) + " " +
               svgNumber(y) + ")\"";
    out += std::string(" text-anchor=\"") + style.anchor + "\" font-family=\"" + svgFontFamilies() +
           "\" font-size=\"" + svgNumber(style.points) + "\"";
    if (style.bold) out += " font-weight=\"bold\"";
    if (std::string_view(style.colour) != "#000")
        out += std::string(" fill=\"") + style.colour + "\"";
    return out + ">" + svgEscaped(content) + "</text>\n";
}

double svgTextWidth(const std::string& content, const SvgTextStyle& style) {
    return metricsOf(style).horizontalAdvance(QString::fromStdString(content));
}

double svgLineHeight(const SvgTextStyle& style) { return metricsOf(style).lineSpacing(); }

std::vector<std::string> svgFittedLines(const std::string& content, double width, int maxLines,
                                        const SvgTextStyle& style) {
    const QFontMetricsF metrics = metricsOf(style);
    return fit_text(content, width, maxLines, [&metrics](std::string_view text) {
        return metrics.horizontalAdvance(QString::fromUtf8(text.data(), qsizetype(text.size())));
    });
}

}  // namespace lngeom::widgets
