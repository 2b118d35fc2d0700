#pragma once
// Process-wide OpenGL settings VTK needs from Qt; must run before the QApplication exists.

namespace lngeom::widgets {

// Sets the default QSurfaceFormat VTK renders with (OpenGL 3.2 core, RGBA8, no multisampling:
// VTK does its own) and shares contexts so hidden views can still render (offscreen grabs).
void configureOpenGLForVtk();

}  // namespace lngeom::widgets
