#include "widgets/figures/figure_pdf.h"

#include <QColor>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPolygonF>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <optional>

#include "core/errors.h"

namespace lngeom::widgets {
namespace {

using Attributes = QXmlStreamAttributes;

constexpr double kSeamWidth = 0.3;  // points

double numberOf(const Attributes& attributes, const char* name, double fallback = 0) {
    bool ok = false;
    const double value = attributes.value(name).toDouble(&ok);
    return ok ? value : fallback;
}

// "none" or absent: no paint; otherwise the colour with the element's opacity.
std::optional<QColor> paintOf(const Attributes& attributes, const char* name,
                              const char* opacityName) {
    const QString value = attributes.value(name).toString();
    if (value.isEmpty() || value == "none") return std::nullopt;
    QColor colour(value);
    colour.setAlphaF(
        float(numberOf(attributes, opacityName, 1.0) * numberOf(attributes, "opacity", 1.0)));
    return colour;
}

QPolygonF pointsOf(const Attributes& attributes) {
    const QStringList numbers = attributes.value("points").toString().split(
        QRegularExpression("[\\s,]+"), Qt::SkipEmptyParts);
    QPolygonF polygon;
    for (qsizetype i = 0; i + 1 < numbers.size(); i += 2)
        polygon << QPointF(numbers[i].toDouble(), numbers[i + 1].toDouble());
    return polygon;
}

QPen penOf(const Attributes& attributes) {
    const std::optional<QColor> colour = paintOf(attributes, "stroke", "stroke-opacity");
    if (!colour) return Qt::NoPen;
    const double width = numberOf(attributes, "stroke-width", 1.0);
    QPen pen(*colour, width, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
    // GL2PS writes solid lines as "16,0"; Qt measures dashes in line widths.
    const QStringList dashes =
        attributes.value("stroke-dasharray").toString().split(',', Qt::SkipEmptyParts);
    QList<qreal> pattern;
    for (const QString& dash : dashes) pattern << dash.toDouble() / std::max(width, 0.1);
    if (pattern.size() % 2 == 0 && !pattern.contains(0.0) && !pattern.isEmpty())
        pen.setDashPattern(pattern);
    return pen;
}

void setPaint(QPainter& painter, const Attributes& attributes) {
    painter.setPen(penOf(attributes));
    const std::optional<QColor> fill = paintOf(attributes, "fill", "fill-opacity");
    painter.setBrush(fill ? QBrush(*fill) : QBrush(Qt::NoBrush));
}

// A length that may be a percentage of the page's side.
double lengthOf(const Attributes& attributes, const char* name, double side) {
    const QString value = attributes.value(name).toString();
    if (value.endsWith('%')) return value.chopped(1).toDouble() / 100.0 * side;
    return value.toDouble();
}

void drawText(QPainter& painter, const Attributes& attributes, const QString& text) {
    const std::optional<QColor> colour = paintOf(attributes, "fill", "fill-opacity");
    painter.setPen(colour.value_or(Qt::black));
    QFont font(attributes.value("font-family").toString().split(',').first().trimmed());
    font.setPointSizeF(numberOf(attributes, "font-size", 12));
    font.setBold(attributes.value("font-weight") == u"bold");
    painter.setFont(font);
    painter.save();
    const QPointF at(numberOf(attributes, "x"), numberOf(attributes, "y"));
    static const QRegularExpression rotate("rotate\\(\\s*([-\\d.eE]+)");
    const auto rotation = rotate.match(attributes.value("transform").toString());
    painter.translate(at);
    if (rotation.hasMatch()) painter.rotate(rotation.captured(1).toDouble());
    const QString anchor = attributes.value("text-anchor").toString();
    const double width = QFontMetricsF(font, painter.device()).horizontalAdvance(text);
    const double shift = anchor == "middle" ? -width / 2 : anchor == "end" ? -width : 0;
    painter.drawText(QPointF(shift, numberOf(attributes, "dy")), text);
    painter.restore();
}

void drawShape(QPainter& painter, QStringView name, const Attributes& attributes, QSizeF page) {
    setPaint(painter, attributes);
    if (name == u"polyline") {
        painter.drawPolyline(pointsOf(attributes));
    } else if (name == u"polygon") {
        // GL2PS splits every filled shape into triangles; an edge in their own colour closes
        // the hairline seams anti-aliased renderers leave between them.
        if (painter.pen().style() == Qt::NoPen && painter.brush().style() != Qt::NoBrush)
            painter.setPen(QPen(painter.brush().color(), kSeamWidth));
        painter.drawPolygon(pointsOf(attributes));
    } else if (name == u"circle") {
        const double r = numberOf(attributes, "r");
        painter.drawEllipse(QPointF(numberOf(attributes, "cx"), numberOf(attributes, "cy")), r, r);
    } else if (name == u"rect") {
        painter.drawRect(QRectF(lengthOf(attributes, "x", page.width()),
                                lengthOf(attributes, "y", page.height()),
                                lengthOf(attributes, "width", page.width()),
                                lengthOf(attributes, "height", page.height())));
    }
}

QSizeF pageOf(const Attributes& attributes) {
    const QStringList box = attributes.value("viewBox").toString().split(' ', Qt::SkipEmptyParts);
    if (box.size() == 4) return {box[2].toDouble(), box[3].toDouble()};
    return {numberOf(attributes, "width"), numberOf(attributes, "height")};
}

}  // namespace

void writePdfFromSvg(const std::string& svg, const std::string& pdfPath) {
    QXmlStreamReader reader(QByteArray::fromStdString(svg));
    if (!reader.readNextStartElement() || reader.name() != u"svg")
        throw Error(pdfPath, "", "cannot be written: the figure's SVG has no <svg> element");
    const QSizeF page = pageOf(reader.attributes());
    if (page.isEmpty()) throw Error(pdfPath, "", "cannot be written: the figure's SVG has no size");
    QPdfWriter writer(QString::fromStdString(pdfPath));
    writer.setResolution(72);  // one PDF unit per SVG unit (points)
    writer.setPageSize(QPageSize(page, QPageSize::Point));
    writer.setPageMargins({});
    writer.setCreator("lngeom");
    QPainter painter;
    if (!painter.begin(&writer)) throw Error(pdfPath, "", "cannot be written");
    painter.setRenderHint(QPainter::Antialiasing);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement) continue;
        const Attributes attributes = reader.attributes();
        if (reader.name() == u"text")
            drawText(painter, attributes, reader.readElementText());
        else
            drawShape(painter, reader.name(), attributes, page);
    }
    painter.end();
    if (reader.hasError())
        throw Error(pdfPath, "",
                    "cannot be written: the figure's SVG is malformed (" +
                        reader.errorString().toStdString() + ")");
}

}  // namespace lngeom::widgets
