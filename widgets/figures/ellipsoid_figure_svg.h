#pragma once
// The γ-ellipsoid figure as an SVG drawn from its geometry, through the view's camera: the
// ellipsoid's section along the three drawn axes as its outline against the camera (shaded) and
// its three principal ellipses (dashed where they pass behind), the axes with their names, the
// tokens' outputs z_t + β as points coloured as the view colours them, the selected tokens
// marked, the colour bar, and the view's caption as the title and the note below. Text stays
// text; the PDF and PNG figures are painted from this SVG.

#include <string>

namespace lngeom::widgets {

class DumpDocument;
class EllipsoidView;

// `view` shows a picture of the document's current site (EllipsoidView::pictureShown); a page of
// `width` × `height` points.
std::string ellipsoidFigureSvg(const EllipsoidView& view, const DumpDocument& document, int width,
                               int height);

}  // namespace lngeom::widgets
