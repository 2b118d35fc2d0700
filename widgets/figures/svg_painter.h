#pragma once
// PDF figures drawn from their SVG: the SVG lngeom writes (GL2PS's SVG of a chart, or the
// projection's SVG from its geometry) is painted element by element with QPainter on a
// QPdfWriter. Shapes stay paths; text stays text in an embedded font, so θ, σ, √d, ‖x⊥‖ and °
// come out as they are, which GL2PS's own PDF (base-14 fonts, one byte per character) cannot.
//
// Only the vocabulary those writers use is read: <rect>, <circle>, <polyline>, <polygon> and
// <text> with fill, stroke, stroke-width, stroke-dasharray, opacities, font-size, font-family,
// text-anchor, dy and a rotate(...) transform; other elements are skipped.

#include <string>

namespace lngeom::widgets {

// Writes `pdfPath` (not atomically: callers write to a temporary). The page is the SVG's
// width × height in points. lngeom::Error naming `pdfPath` when the SVG cannot be read or the PDF
// cannot be written.
void writePdfFromSvg(const std::string& svg, const std::string& pdfPath);

}  // namespace lngeom::widgets
