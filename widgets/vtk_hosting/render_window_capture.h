#pragma once
// Renders a VTK render window at a multiple of its size into a QImage, for figures.

#include <QImage>

class vtkRenderWindow;

namespace lngeom::widgets {

// Temporarily enlarges `window` by `scale` (fonts via DPI, point sizes and line widths of 3D
// actors scaled alike so the figure looks like the screen), renders, reads the pixels and
// restores every setting. The window's OpenGL context must be usable by VTK.
QImage renderWindowToImage(vtkRenderWindow* window, double scale);

}  // namespace lngeom::widgets
