// Frames per second of the projection view's point cloud while the camera moves: 1M (and 2M)
// synthetic tokens drawn by ProjectionCloudActor in the normalization frame, the camera orbiting
// one step per frame, every frame rendered, shown and finished (glFinish) before the next.
// "moving" 2 is what the view shows during interaction (the subsample, rendered at
// ProjectionView::kMovingRenderScale of the view's size and stretched), 1 the subsample at full
// resolution (for comparison), 0 the full cloud at full resolution (the view when still); "width"
// is the view's width in pixels (height 3/4 of it): llvmpipe's cost is mostly per pixel. Each frame
// is rendered by VTK, copied to the widget and composed by Qt. Run under Xvfb:  xvfb-run -a -s
// "-screen 0 1600x1200x24" ./bench_projection_fps
#include <benchmark/benchmark.h>
#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QApplication>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QWindow>

#include <cmath>
#include <random>

#include "widgets/projection/projection_cloud_actor.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/normalization_scene.h"
#include "widgets/vtk_hosting/opengl_setup.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

constexpr double kRadius = 32.0;  // √d for d = 1024

// Points spread like standardized activations: a ring of radius √d, a thick cloud inside.
PointRows syntheticCloud(long count) {
    std::mt19937_64 generator(3);
    std::normal_distribution<float> gaussian;
    PointRows points(count, 3);
    for (long i = 0; i < count; ++i) {
        const Eigen::Vector3f direction(gaussian(generator), gaussian(generator),
                                        0.15f * gaussian(generator));
        const float radius =
            float(kRadius) * (i % 2 ? 1.0f : 0.5f + 0.1f * std::abs(gaussian(generator)));
        points.row(i) = direction.normalized() * radius;
    }
    return points;
}

PointColours syntheticColours(long count) {
    PointColours colours{{}, 80.0, 100.0, "angle to 1 (°)"};
    colours.values.resize(std::size_t(count));
    for (long i = 0; i < count; ++i)
        colours.values[std::size_t(i)] = 80.0f + float(i % 2000) / 100.0f;
    return colours;
}

// Qt may defer a repaint (it throttles window updates): events are processed until VTK has
// rendered the frame and Qt has painted it.
void renderOneFrame(VtkViewWidget& view) {
    const int before = view.renderCount();
    view.requestRender();
    while (view.renderCount() == before)
        QApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    view.makeCurrent();
    QOpenGLContext::currentContext()->functions()->glFinish();
    view.doneCurrent();
}

void cameraOrbit(benchmark::State& state) {
    const long count = state.range(0);
    const bool moving = state.range(1) != 0;
    const bool reduced = state.range(1) == 2;
    VtkViewWidget view;
    view.resize(int(state.range(2)), int(state.range(2)) * 3 / 4);
    addNormalizationFrame(view.renderer(), kRadius);
    ProjectionCloudActor cloud;
    cloud.addTo(view.renderer());
    cloud.setPoints(syntheticCloud(count), kRadius * 0.012);
    cloud.setColours(syntheticColours(count));
    cloud.setMoving(moving);
    view.setRenderScale(reduced ? ProjectionView::kMovingRenderScale : 1.0);
    frameNormalizationCamera(view.renderer(), kRadius);
    view.show();
    while (!view.windowHandle() || !view.windowHandle()->isExposed()) QApplication::processEvents();
    for (int warmup = 0; warmup < 3; ++warmup) renderOneFrame(view);
    const int rendersBefore = view.renderCount();
    for (auto _ : state) {
        view.renderer()->GetActiveCamera()->Azimuth(2.0);
        renderOneFrame(view);
    }

    // Frames VTK actually rendered, per second (a repaint Qt coalesced does not count).
    state.counters["fps"] =
        benchmark::Counter(double(view.renderCount() - rendersBefore), benchmark::Counter::kIsRate);
    state.counters["drawn_points"] =
        double(moving ? std::min(count, ProjectionCloudActor::kMovingPointBudget) : count);
}

BENCHMARK(cameraOrbit)
    ->ArgNames({"points", "moving", "width"})
    ->Args({0, 0, 1200})
    ->Args({200000, 0, 1200})
    ->Args({1000000, 2, 1200})
    ->Args({1000000, 1, 1200})
    ->Args({1000000, 0, 1200})
    ->Args({2000000, 2, 1200})
    ->Args({1000000, 2, 600})
    ->Args({1000000, 1, 600})
    ->Args({1000000, 0, 600})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(3.0);

}  // namespace

int main(int argc, char** argv) {
    configureOpenGLForVtk();
    QApplication application(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
