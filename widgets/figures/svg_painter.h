#pragma once
// PDF and PNG figures drawn from their SVG: the SVG lngeom writes (GL2PS's SVG of a chart, or the
// SVG of a figure drawn from its geometry) is painted element by element with QPainter, on a
// QPdfWriter or on an image. In a PDF shapes stay paths and text stays text in an embedded font,
// so θ, σ, √d, ‖x⊥‖ and ° come out as they are, which GL2PS's own PDF (base-14 fonts, one byte
// per character) cannot.
//
// Only the vocabulary those writers use is read: <rect>, <circle>, <polyline>, <polygon> and
// <text> with fill, stroke, stroke-width, stroke-dasharray, opacities, font-size, font-family,
// text-anchor, dy and a rotate(...) transform; other elements are skipped.

#include <QImage>

#include <string>

namespace lngeom::widgets {

// Writes `pdfPath` (not atomically: callers write to a temporary). The page is the SVG's
// width × height in points. lngeom::Error naming `pdfPath` when the SVG cannot be read or the PDF
// cannot be written.
void writePdfFromSvg(const std::string& svg, const std::string& pdfPath);

// The SVG painted at `scale` pixels per point, on white or, when `transparent`, on nothing; a
// null image when the SVG has no size. lngeom::Error naming `what` when it cannot be read.
QImage imageFromSvg(const std::string& svg, double scale, bool transparent,
                    const std::string& what);

}  // namespace lngeom::widgets
