#include "widgets/figures/figure_chart_svg.h"

#include <vtkChartXY.h>
#include <vtkTextProperty.h>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>

#include "core/errors.h"
#include "widgets/charts/chart_view.h"
#include "widgets/figures/figure_pdf_text.h"
#include "widgets/figures/figure_scene_svg.h"

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
    const std::size_t body = svg.find("<g>\n");
    if (body == std::string::npos)
        throw Error(path, "", "cannot be written: GL2PS's SVG has no drawing group");
    return svg.insert(body + 4, beneath);
}

}  // namespace lngeom::widgets
