#pragma once
// Translation of VTK's cursor codes (VTK_CURSOR_*) into Qt cursor shapes.

#include <Qt>

namespace lngeom::widgets {

Qt::CursorShape qtCursorShapeForVtkCursor(int vtkCursor);

}  // namespace lngeom::widgets
