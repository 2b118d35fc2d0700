#pragma once
// The one colour of selected tokens in every view: bars, lines and means in the charts, markers
// in 3D, rows of the table. A magenta, which none of the views' colour maps uses (they run
// blue → cyan → green → yellow → red) and which stands out on light and dark backgrounds.

#include <QColor>

namespace lngeom::widgets {

inline const QColor kSelectionColour(214, 32, 150);
// Behind a selected row's text: the selection colour, translucent over the row's own background,
// so the text stays readable in the light and the dark theme.
inline const QColor kSelectionBackground(214, 32, 150, 80);

}  // namespace lngeom::widgets
