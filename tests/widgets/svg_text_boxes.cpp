#include "tests/widgets/svg_text_boxes.h"

#include <QFile>
#include <QFontMetricsF>
#include <QImage>
#include <QRegularExpression>
#include <QTransform>
#include <QXmlStreamReader>

#include "widgets/support/text_font.h"

namespace lngeom::test {
namespace {

// Overlaps and overhangs smaller than this (points) are anti-aliasing, not layout.
constexpr double kHair = 0.6;

const QPaintDevice& pointDevice() {
    static const QImage device = [] {
        QImage image(1, 1, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(2835);
        image.setDotsPerMeterY(2835);
        return image;
    }();
    return device;
}

double numberOf(const QXmlStreamAttributes& attributes, const char* name) {
    return attributes.value(name).toDouble();
}

QRectF boxOf(const QXmlStreamAttributes& attributes, const QString& text) {
    const QFont font = widgets::textFont(numberOf(attributes, "font-size"),
                                         attributes.value("font-weight") == u"bold");
    const QFontMetricsF metrics(font, &pointDevice());
    QRectF ink = metrics.tightBoundingRect(text);
    const double advance = metrics.horizontalAdvance(text);
    const QString anchor = attributes.value("text-anchor").toString();
    const double shift = anchor == "middle" ? -advance / 2 : anchor == "end" ? -advance : 0;
    ink.translate(shift, numberOf(attributes, "dy"));
    const QPointF at(numberOf(attributes, "x"), numberOf(attributes, "y"));
    static const QRegularExpression rotate("rotate\\(\\s*([-\\d.eE]+)");
    const auto rotation = rotate.match(attributes.value("transform").toString());
    QTransform placement;
    placement.translate(at.x(), at.y());
    if (rotation.hasMatch()) placement.rotate(rotation.captured(1).toDouble());
    return placement.mapRect(ink);
}

QString describe(const TextBox& text) {
    return QString("'%1' at (%2, %3)–(%4, %5)")
        .arg(text.text)
        .arg(text.box.left(), 0, 'f', 1)
        .arg(text.box.top(), 0, 'f', 1)
        .arg(text.box.right(), 0, 'f', 1)
        .arg(text.box.bottom(), 0, 'f', 1);
}

}  // namespace

std::vector<TextBox> svgTextBoxes(const QByteArray& svg, QSizeF& page) {
    std::vector<TextBox> boxes;
    QXmlStreamReader reader(svg);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement) continue;
        const QXmlStreamAttributes attributes = reader.attributes();
        if (reader.name() == u"svg") {
            const QStringList box = attributes.value("viewBox").toString().split(' ');
            if (box.size() == 4) page = {box[2].toDouble(), box[3].toDouble()};
        } else if (reader.name() == u"text") {
            const QString text = reader.readElementText();
            if (!text.trimmed().isEmpty()) boxes.push_back({text, boxOf(attributes, text)});
        }
    }
    return boxes;
}

QStringList textLayoutProblems(const std::vector<TextBox>& boxes, const QSizeF& page) {
    QStringList problems;
    const QRectF inside = QRectF(QPointF(0, 0), page).adjusted(-kHair, -kHair, kHair, kHair);
    for (const TextBox& text : boxes)
        if (!inside.contains(text.box)) problems << describe(text) + " leaves the page";
    for (std::size_t a = 0; a < boxes.size(); ++a)
        for (std::size_t b = a + 1; b < boxes.size(); ++b) {
            const QRectF common = boxes[a].box.intersected(boxes[b].box);
            if (common.width() > kHair && common.height() > kHair)
                problems << describe(boxes[a]) + " overlaps " + describe(boxes[b]);
        }
    return problems;
}

QStringList svgFileLayoutProblems(const QString& path, const QString& what) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {what + ": " + path + " cannot be read"};
    QSizeF page;
    const std::vector<TextBox> boxes = svgTextBoxes(file.readAll(), page);
    QStringList problems;
    if (boxes.empty()) problems << what + ": no text at all";
    for (const QString& problem : textLayoutProblems(boxes, page))
        problems << what + ": " + problem;
    return problems;
}

}  // namespace lngeom::test
