#include "widgets/figures/figure_transparency.h"

#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkRenderer.h>
#include <vtkRendererCollection.h>

#include <algorithm>
#include <array>
#include <vector>

#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

QImage grabOnBackground(VtkViewWidget& view, double scale, double grey) {
    vtkRendererCollection* renderers = view.renderWindow()->GetRenderers();
    std::vector<std::array<double, 3>> saved;
    renderers->InitTraversal();
    for (vtkRenderer* renderer = renderers->GetNextItem(); renderer;
         renderer = renderers->GetNextItem()) {
        saved.push_back({});
        renderer->GetBackground(saved.back().data());
        renderer->SetBackground(grey, grey, grey);
    }
    QImage image = view.grabImage(scale).convertToFormat(QImage::Format_RGB32);
    renderers->InitTraversal();
    for (const auto& colour : saved) renderers->GetNextItem()->SetBackground(colour.data());
    return image;
}

QRgb unblend(QRgb onWhite, QRgb onBlack) {
    // On black a pixel is alpha·c; on white alpha·c + (1 − alpha)·255.
    const int alpha = 255 - std::clamp(qRed(onWhite) - qRed(onBlack), 0, 255);
    if (alpha == 0) return qRgba(0, 0, 0, 0);
    const auto channel = [alpha](int blackValue) {
        return std::clamp(blackValue * 255 / alpha, 0, 255);
    };
    return qRgba(channel(qRed(onBlack)), channel(qGreen(onBlack)), channel(qBlue(onBlack)), alpha);
}

}  // namespace

QImage grabWithTransparentBackground(VtkViewWidget& view, double scale) {
    const QImage onWhite = grabOnBackground(view, scale, 1.0);
    const QImage onBlack = grabOnBackground(view, scale, 0.0);
    if (onWhite.isNull() || onWhite.size() != onBlack.size()) return {};
    QImage result(onWhite.size(), QImage::Format_ARGB32);
    for (int y = 0; y < result.height(); ++y) {
        const auto* white = reinterpret_cast<const QRgb*>(onWhite.constScanLine(y));
        const auto* black = reinterpret_cast<const QRgb*>(onBlack.constScanLine(y));
        auto* out = reinterpret_cast<QRgb*>(result.scanLine(y));
        for (int x = 0; x < result.width(); ++x) out[x] = unblend(white[x], black[x]);
    }
    return result;
}

}  // namespace lngeom::widgets
