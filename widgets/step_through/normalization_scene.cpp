#include "widgets/step_through/normalization_scene.h"

#include <vtkActor.h>
#include <vtkArrowSource.h>
#include <vtkBillboardTextActor3D.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkDoubleArray.h>
#include <vtkLookupTable.h>
#include <vtkMath.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRegularPolygonSource.h>
#include <vtkRenderer.h>
#include <vtkSphereSource.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cmath>

namespace lngeom::widgets {
namespace {

// The colour range is centred on 90° so "orthogonal to 1" is the neutral middle colour.
constexpr double kAngleSpread = 20.0;

vtkSmartPointer<vtkActor> actorFor(vtkAlgorithm* source) {
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputConnection(source->GetOutputPort());
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    return actor;
}

void addUniformAxis(vtkRenderer* renderer, double length) {
    vtkNew<vtkArrowSource> arrow;
    arrow->SetShaftResolution(24);
    arrow->SetTipResolution(24);
    // The arrow spans the whole scene: proportions relative to its length keep it slender.
    arrow->SetTipLength(0.07);
    arrow->SetTipRadius(0.025);
    arrow->SetShaftRadius(0.008);
    auto actor = actorFor(arrow);
    // The arrow source runs from 0 to +x; the 1 axis runs through the origin along +z.
    actor->SetScale(2.0 * length);
    actor->RotateY(-90.0);
    actor->SetPosition(0.0, 0.0, -length);
    actor->GetProperty()->SetColor(0.85, 0.2, 0.15);
    renderer->AddActor(actor);

    vtkNew<vtkBillboardTextActor3D> label;
    label->SetInput("1");
    label->SetPosition(0.0, 0.0, length * 1.08);
    label->GetTextProperty()->SetFontSize(22);
    label->GetTextProperty()->SetBold(true);
    label->GetTextProperty()->SetColor(0.85, 0.2, 0.15);
    renderer->AddActor(label);
}

void addHyperplaneDisc(vtkRenderer* renderer, double radius) {
    vtkNew<vtkRegularPolygonSource> disc;
    disc->SetNumberOfSides(96);
    disc->SetRadius(radius);
    disc->SetNormal(0.0, 0.0, 1.0);
    auto actor = actorFor(disc);
    actor->GetProperty()->SetColor(0.45, 0.65, 0.95);
    actor->GetProperty()->SetOpacity(0.3);
    // Seen at a grazing angle a diffuse-only disc almost vanishes into the background.
    actor->GetProperty()->SetAmbient(0.5);
    actor->GetProperty()->SetDiffuse(0.5);
    renderer->AddActor(actor);
}

void addWireframeSphere(vtkRenderer* renderer, double radius) {
    vtkNew<vtkSphereSource> sphere;
    sphere->SetRadius(radius);
    sphere->SetThetaResolution(36);
    sphere->SetPhiResolution(18);
    auto actor = actorFor(sphere);
    actor->GetProperty()->SetRepresentationToWireframe();
    actor->GetProperty()->SetColor(0.7, 0.7, 0.75);
    actor->GetProperty()->SetOpacity(0.35);
    actor->GetProperty()->SetLineWidth(1.0f);
    renderer->AddActor(actor);
}

vtkSmartPointer<vtkPolyData> pointCloud(const NormalizationSceneData& data) {
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> vertices;
    vtkNew<vtkDoubleArray> angles;
    angles->SetName("angle to 1");
    for (Eigen::Index i = 0; i < data.points.cols(); ++i) {
        const vtkIdType id =
            points->InsertNextPoint(data.points(0, i), data.points(1, i), data.points(2, i));
        vertices->InsertNextCell(1, &id);
        angles->InsertNextValue(data.anglesToOne(i));
    }
    auto cloud = vtkSmartPointer<vtkPolyData>::New();
    cloud->SetPoints(points);
    cloud->SetVerts(vertices);
    cloud->GetPointData()->SetScalars(angles);
    return cloud;
}

void addPoints(vtkRenderer* renderer, const NormalizationSceneData& data) {
    vtkNew<vtkLookupTable> colours;
    colours->SetHueRange(0.66, 0.0);
    colours->SetTableRange(90.0 - kAngleSpread, 90.0 + kAngleSpread);
    colours->Build();
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(pointCloud(data));
    mapper->SetLookupTable(colours);
    mapper->SetScalarRange(90.0 - kAngleSpread, 90.0 + kAngleSpread);
    vtkNew<vtkActor> actor;
    actor->SetMapper(mapper);
    actor->GetProperty()->SetPointSize(5.0f);
    actor->GetProperty()->SetRenderPointsAsSpheres(true);
    renderer->AddActor(actor);
}

}  // namespace

void frameNormalizationCamera(vtkRenderer* renderer, double radius) {
    vtkCamera* camera = renderer->GetActiveCamera();
    camera->SetFocalPoint(0.0, 0.0, 0.0);
    camera->SetPosition(radius * 3.0, -radius * 3.0, radius * 1.8);
    camera->SetViewUp(0.0, 0.0, 1.0);
    renderer->ResetCamera();
    camera->Dolly(1.3);
    renderer->ResetCameraClippingRange();
}

void fitCameraToBall(vtkRenderer* renderer, double radius) {
    vtkCamera* camera = renderer->GetActiveCamera();
    const double aspect = renderer->GetTiledAspectRatio();
    const double halfAngle =
        std::atan(std::tan(vtkMath::RadiansFromDegrees(camera->GetViewAngle()) / 2) *
                  std::min(1.0, aspect > 0 ? aspect : 1.0));
    double direction[3];
    camera->GetDirectionOfProjection(direction);
    const double distance = radius / std::sin(halfAngle);
    camera->SetFocalPoint(0.0, 0.0, 0.0);
    camera->SetPosition(-direction[0] * distance, -direction[1] * distance,
                        -direction[2] * distance);
    renderer->ResetCameraClippingRange();
}

void addNormalizationFrame(vtkRenderer* renderer, double radius) {
    renderer->SetBackground(0.12, 0.13, 0.16);
    // Thin wireframe lines need anti-aliasing; FXAA costs far less than multisampling on
    // software OpenGL (llvmpipe), where multisampling made frames ~10x slower.
    renderer->SetUseFXAA(true);
    addHyperplaneDisc(renderer, radius * 1.35);
    addWireframeSphere(renderer, radius);
    addUniformAxis(renderer, radius * 1.5);
}

void addNormalizationScene(vtkRenderer* renderer, const NormalizationSceneData& data) {
    addNormalizationFrame(renderer, data.sphereRadius);
    addPoints(renderer, data);
    frameNormalizationCamera(renderer, data.sphereRadius);
}

}  // namespace lngeom::widgets
