#include "widgets/figures/figure_chart_svg.h"

#include <vtkChartXY.h>
#include <vtkTextProperty.h>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>

#include "core/errors.h"
#include "widgets/charts/chart_view.h"
#include "widgets/figures/figure_pdf_text.h"
#include "widgets/figures/svg_text.h"

namespace lngeom::widgets {
namespace {

// What GL2PS is given for a chart text of the SVG: ASCII (VTK draws strings beyond Latin-1 as
// outlines) without '|' (VTK takes strings with it for math text and draws them as outlines
// too); restoreTexts() puts the original back.
std::string svgPlaceholder(const std::string& text) {
    std::string spelled = asciiSpelling(text);
    std::replace(spelled.begin(), spelled.end(), '|', '!');
    return spelled;
}

// Puts each chart text GL2PS was given in ASCII back as it is, as the SVG's UTF-8 text.
void restoreTexts(std::string& svg, const AsciiChartText& ascii) {
    for (const auto& [original, spelled] : ascii.spellings()) {
        const std::string from = ">" + spelled + "</text>";
        const std::string to = ">" + svgEscaped(original) + "</text>";
        for (std::size_t at = svg.find(from); at != std::string::npos;
             at = svg.find(from, at + to.size()))
            svg.replace(at, from.size(), to);
    }
}

// GL2PS names one font for every font file VTK draws with, so a bold title arrives regular.
void markBold(std::string& svg, const std::string& text) {
    const std::size_t end = svg.find(">" + svgEscaped(text) + "</text>");
    const std::size_t start = end == std::string::npos ? end : svg.rfind("<text ", end);
    if (start != std::string::npos) svg.insert(start + 6, "font-weight=\"bold\" ");
}

// GL2PS sets a text's baseline where VTK put the bottom of its box (descent included) and writes
// a text of several lines as one element, which SVG shows on one line. Each line becomes an
// element of its own, the last one's descent above the anchor, as VTK draws it on screen.
constexpr double kDescent = 0.24;      // of the font size: DejaVu Sans's descent
constexpr double kLineSpacing = 1.16;  // VTK's, of the font size

std::string placedLines(const QRegularExpressionMatch& text) {
    const QString attributes = text.captured(1);
    const QStringList lines = text.captured(2).split('\n');
    static const QRegularExpression number("\\b(dy|font-size)=\"([-\\d.eE]+)\"");
    double dy = 0, size = 12;
    for (auto match = number.globalMatch(attributes); match.hasNext();) {
        const auto found = match.next();
        const double value = found.captured(2).toDouble();
        (found.captured(1) == "dy" ? dy : size) = value;
    }
    const double shift = dy == 0 ? -kDescent * size : 0;
    QString out;
    for (qsizetype line = 0; line < lines.size(); ++line) {
        const double up = double(lines.size() - 1 - line) * kLineSpacing * size;
        QString placed = attributes;
        placed.replace(QRegularExpression("\\bdy=\"[^\"]*\""),
                       QString("dy=\"%1\"").arg(dy + shift - up));
        out += "<text " + placed + ">" + lines[line] + "</text>";
        if (line + 1 < lines.size()) out += '\n';
    }
    return out.toStdString();
}

std::string placeTextsAsVtkDoes(const std::string& svg) {
    static const QRegularExpression text("<text ([^>]*)>([^<]*)</text>");
    const QString source = QString::fromStdString(svg);
    std::string out;
    qsizetype done = 0;
    for (auto match = text.globalMatch(source); match.hasNext();) {
        const auto found = match.next();
        out += source.mid(done, found.capturedStart() - done).toStdString() + placedLines(found);
        done = found.capturedEnd();
    }
    return out + source.mid(done).toStdString();
}

}  // namespace

std::string chartSvg(ChartView& chart, const std::string& path, const ChartUnderlay& underlay) {
    const std::string beneath = underlay ? underlay() : std::string();
    const std::string title = chart.chart()->GetTitle();
    const AsciiChartText ascii(chart.chart(), svgPlaceholder);
    const QTemporaryDir directory;
    // GL2PS titles the SVG after the file's name.
    const QString svgPath = directory.filePath(
        QString::fromStdString(std::filesystem::path(path).stem().string() + ".svg"));
    QFile svgFile(svgPath);
    if (!directory.isValid() || !chart.exportVector(svgPath) || !svgFile.open(QIODevice::ReadOnly))
        throw Error(path, "", "cannot be written: the vector export wrote nothing");
    std::string svg = svgFile.readAll().toStdString();
    restoreTexts(svg, ascii);
    if (chart.chart()->GetTitleProperties()->GetBold()) markBold(svg, title);
    svg = placeTextsAsVtkDoes(svg);
    const std::size_t body = svg.find("<g>\n");
    if (body == std::string::npos)
        throw Error(path, "", "cannot be written: GL2PS's SVG has no drawing group");
    return svg.insert(body + 4, beneath);
}

}  // namespace lngeom::widgets
