#include "widgets/figures/svg_painter.h"

#include <QColor>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPolygonF>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/errors.h"
#include "widgets/support/text_font.h"

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
    // Every figure's text is set in the one text font, whatever family the SVG names (GL2PS
    // names Helvetica): it is the font the text was measured with when the figure was laid out.
    const QFont font =
        textFont(numberOf(attributes, "font-size", 12), attributes.value("font-weight") == u"bold");
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

// An SVG read up to its <svg> element, which gives the page: one unit per point.
class SvgReader {
  public:
    SvgReader(const std::string& svg, const std::string& what)
        : reader_(QByteArray::fromStdString(svg)), what_(what) {
        if (!reader_.readNextStartElement() || reader_.name() != u"svg")
            throw Error(what_, "", "cannot be written: the figure's SVG has no <svg> element");
        page_ = pageOf(reader_.attributes());
        if (page_.isEmpty())
            throw Error(what_, "", "cannot be written: the figure's SVG has no size");
    }

    QSizeF page() const { return page_; }

    // Paints every element after <svg> onto `painter`, whose units are points.
    void paint(QPainter& painter) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        while (!reader_.atEnd()) {
            if (reader_.readNext() != QXmlStreamReader::StartElement) continue;
            const Attributes attributes = reader_.attributes();
            if (reader_.name() == u"text")
                drawText(painter, attributes, reader_.readElementText());
            else
                drawShape(painter, reader_.name(), attributes, page_);
        }
        if (reader_.hasError())
            throw Error(what_, "",
                        "cannot be written: the figure's SVG is malformed (" +
                            reader_.errorString().toStdString() + ")");
    }

  private:
    QXmlStreamReader reader_;
    std::string what_;
    QSizeF page_;
};

// 72 dots per inch, so that fonts in points are as many units as the SVG's.
constexpr int kPointsPerMetre = 2835;

}  // namespace

void writePdfFromSvg(const std::string& svg, const std::string& pdfPath) {
    SvgReader reader(svg, pdfPath);
    QPdfWriter writer(QString::fromStdString(pdfPath));
    writer.setResolution(72);  // one PDF unit per SVG unit (points)
    writer.setPageSize(QPageSize(reader.page(), QPageSize::Point));
    writer.setPageMargins({});
    writer.setCreator("lngeom");
    QPainter painter;
    if (!painter.begin(&writer)) throw Error(pdfPath, "", "cannot be written");
    reader.paint(painter);
    painter.end();
}

QImage imageFromSvg(const std::string& svg, double scale, bool transparent,
                    const std::string& what) {
    SvgReader reader(svg, what);
    const QSize size(int(std::lround(reader.page().width() * scale)),
                     int(std::lround(reader.page().height() * scale)));
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.setDotsPerMeterX(kPointsPerMetre);
    image.setDotsPerMeterY(kPointsPerMetre);
    image.fill(transparent ? Qt::transparent : Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    reader.paint(painter);
    painter.end();
    return image;
}

}  // namespace lngeom::widgets
