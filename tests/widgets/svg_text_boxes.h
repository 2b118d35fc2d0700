#pragma once
// The text of a figure's SVG as boxes on its page, as lngeom's painters draw it (the text font
// at the element's size, its anchor and rotation), for tests that no text leaves the picture and
// none covers another.

#include <QByteArray>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <vector>

namespace lngeom::test {

struct TextBox {
    QString text;
    QRectF box;  // the glyphs' ink, in points, y down
};

// Every <text> element of `svg`; `page` gets the SVG's size (its viewBox).
std::vector<TextBox> svgTextBoxes(const QByteArray& svg, QSizeF& page);

// One line per box that reaches outside the page and per pair of boxes that overlap (by more
// than a hair); empty when the layout is clean.
QStringList textLayoutProblems(const std::vector<TextBox>& boxes, const QSizeF& page);

// The SVG file at `path`, checked as above; its problems prefixed with `what`.
QStringList svgFileLayoutProblems(const QString& path, const QString& what);

}  // namespace lngeom::test
