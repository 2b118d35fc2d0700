#include "widgets/vtk_hosting/opengl_setup.h"

#include <QCoreApplication>
#include <QSurfaceFormat>

namespace lngeom::widgets {

void configureOpenGLForVtk() {
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setRedBufferSize(8);
    format.setGreenBufferSize(8);
    format.setBlueBufferSize(8);
    format.setAlphaBufferSize(8);
    format.setDepthBufferSize(8);
    format.setStencilBufferSize(0);
    format.setSamples(0);
    QSurfaceFormat::setDefaultFormat(format);
    // Without a shared global context a never-shown QOpenGLWidget cannot create its context.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
}

}  // namespace lngeom::widgets
