#pragma once
// A view's image with a transparent background. VTK reads back opaque pixels, so the view is
// rendered twice, on white and on black: where the two differ the background shows through,
// and by how much gives each pixel's alpha (difference matting; exact for opaque content and
// for anti-aliased edges blended over a flat background).

#include <QImage>

namespace lngeom::widgets {

class VtkViewWidget;

// A null image when the view has no area.
QImage grabWithTransparentBackground(VtkViewWidget& view, double scale);

}  // namespace lngeom::widgets
