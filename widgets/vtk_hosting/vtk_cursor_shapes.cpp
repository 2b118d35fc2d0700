#include "widgets/vtk_hosting/vtk_cursor_shapes.h"

#include <vtkRenderWindow.h>

namespace lngeom::widgets {

Qt::CursorShape qtCursorShapeForVtkCursor(int vtkCursor) {
    switch (vtkCursor) {
        case VTK_CURSOR_SIZENE:
        case VTK_CURSOR_SIZESW:
            return Qt::SizeBDiagCursor;
        case VTK_CURSOR_SIZENW:
        case VTK_CURSOR_SIZESE:
            return Qt::SizeFDiagCursor;
        case VTK_CURSOR_SIZENS:
            return Qt::SizeVerCursor;
        case VTK_CURSOR_SIZEWE:
            return Qt::SizeHorCursor;
        case VTK_CURSOR_SIZEALL:
            return Qt::SizeAllCursor;
        case VTK_CURSOR_HAND:
            return Qt::PointingHandCursor;
        case VTK_CURSOR_CROSSHAIR:
            return Qt::CrossCursor;
        default:
            return Qt::ArrowCursor;
    }
}

}  // namespace lngeom::widgets
