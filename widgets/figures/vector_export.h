#pragma once
// Vector-graphics export (SVG, PDF, EPS) of a VTK render window through GL2PS: 2D chart items
// become real paths and text; 3D geometry is rasterized by GL2PS.

#include <string>

class vtkRenderWindow;

namespace lngeom::widgets {

// The format follows the extension of `path`. Returns false for an unknown extension or when
// no file was written. The window's OpenGL context must be usable by VTK.
bool exportVectorImage(vtkRenderWindow* window, const std::string& path);

}  // namespace lngeom::widgets
