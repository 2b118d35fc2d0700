#include "widgets/projection/projection_cloud_actor.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkIdTypeArray.h>
#include <vtkLookupTable.h>
#include <vtkPointData.h>
#include <vtkPointGaussianMapper.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <vtkTextProperty.h>

#include <algorithm>
#include <cstring>

#include "widgets/support/selection_colour.h"
#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

// A disc shaded like a small sphere: splats read as points, not blobs, in dense clouds.
constexpr const char* kSphereSplat =
    "//VTK::Color::Impl\n"
    "float dist = dot(offsetVCVSOutput.xy, offsetVCVSOutput.xy);\n"
    "if (dist > 1.0) { discard; }\n"
    "float shade = 0.55 + 0.45 * sqrt(1.0 - dist);\n"
    "ambientColor *= shade;\n"
    "diffuseColor *= shade;\n";

vtkSmartPointer<vtkCellArray> vertexCells(vtkIdType count) {
    vtkNew<vtkIdTypeArray> offsets, connectivity;
    offsets->SetNumberOfValues(count + 1);
    connectivity->SetNumberOfValues(count);
    for (vtkIdType i = 0; i < count; ++i) {
        offsets->SetValue(i, i);
        connectivity->SetValue(i, i);
    }
    offsets->SetValue(count, count);
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    cells->SetData(offsets, connectivity);
    return cells;
}

// Every `stride`-th point of `cloud` with its colour value into `target` (the cloud's own arrays
// when the stride is 1, so the whole cloud is not copied again).
void sampleEvery(vtkPolyData* cloud, vtkIdType stride, vtkPolyData* target) {
    const vtkIdType count = cloud->GetNumberOfPoints();
    vtkDataArray* scalars = cloud->GetPointData()->GetScalars();
    if (stride == 1) {
        const bool sameCells =
            target->GetPoints() == cloud->GetPoints() && target->GetNumberOfVerts() == count;
        if (!sameCells) {
            target->Initialize();
            target->SetPoints(cloud->GetPoints());
            target->SetVerts(vertexCells(count));
        }
        target->GetPointData()->SetScalars(scalars);
        target->Modified();
        return;
    }
    const vtkIdType kept = (count + stride - 1) / stride;
    vtkNew<vtkPoints> points;
    points->SetDataTypeToFloat();
    points->SetNumberOfPoints(kept);
    vtkNew<vtkFloatArray> values;
    values->SetNumberOfValues(scalars ? kept : 0);
    for (vtkIdType i = 0; i < kept; ++i) {
        points->SetPoint(i, cloud->GetPoint(i * stride));
        if (scalars) values->SetValue(i, float(scalars->GetTuple1(i * stride)));
    }
    target->Initialize();
    target->SetPoints(points);
    target->SetVerts(vertexCells(kept));
    if (scalars) target->GetPointData()->SetScalars(values);
}

vtkIdType strideFor(vtkIdType count, long budget) {
    return std::max<vtkIdType>(1, (count + budget - 1) / budget);
}

void styleScalarBar(vtkScalarBarActor* bar) {
    bar->SetNumberOfLabels(5);
    bar->SetMaximumWidthInPixels(90);
    // The title is centred over the bar and is wider than it: far enough from the right edge
    // that "(every ln1)" still fits in a view a third of a laptop window wide.
    bar->SetPosition(0.84, 0.12);
    bar->SetWidth(0.1);
    bar->SetHeight(0.7);
    bar->SetTextPositionToPrecedeScalarBar();
    for (vtkTextProperty* text : {bar->GetTitleTextProperty(), bar->GetLabelTextProperty()}) {
        text->SetColor(0.9, 0.9, 0.92);
        text->SetShadow(false);
        text->SetItalic(false);
        text->SetFontSize(13);
        useUnicodeFont(text);
    }
    bar->UnconstrainedFontSizeOn();
    bar->SetVerticalTitleSeparation(8);
}

}  // namespace

void ProjectionCloudActor::showColourBar(bool shown) {
    scalarBar_->SetDrawColorBar(shown);
    scalarBar_->SetDrawTickLabels(shown);
    scalarBar_->SetDrawAnnotations(shown);
    if (!shown) scalarBar_->SetTitle("");
}

ProjectionCloudActor::ProjectionCloudActor() {
    fullMapper_->SetInputData(still_);
    fullMapper_->SetSplatShaderCode(kSphereSplat);
    fullMapper_->SetEmissive(false);
    movingMapper_->SetInputData(subsample_);
    plainMapper_->SetInputData(still_);
    for (vtkMapper* mapper :
         {static_cast<vtkMapper*>(fullMapper_.Get()), static_cast<vtkMapper*>(plainMapper_.Get()),
          static_cast<vtkMapper*>(movingMapper_.Get())}) {
        mapper->SetLookupTable(colours_);
        mapper->SetScalarModeToUsePointData();
        mapper->SetColorModeToMapScalars();
        mapper->UseLookupTableScalarRangeOn();
    }
    fullActor_->SetMapper(fullMapper_);
    movingActor_->SetMapper(movingMapper_);
    movingActor_->GetProperty()->SetPointSize(1.0f);
    movingActor_->SetVisibility(false);
    scalarBar_->SetLookupTable(colours_);
    styleScalarBar(scalarBar_);
    // Until the points have colours, the table is unbuilt: no bar rather than a meaningless one.
    // Drawn empty rather than hidden: a scalar bar first rendered hidden lays its labels over
    // the bar once shown (VTK 9.1).
    showColourBar(false);
    vtkNew<vtkPolyDataMapper> highlightMapper;
    highlightMapper->SetInputData(highlighted_);
    highlightMapper->ScalarVisibilityOff();
    highlightActor_->SetMapper(highlightMapper);
    highlightActor_->GetProperty()->SetColor(kSelectionColour.redF(), kSelectionColour.greenF(),
                                             kSelectionColour.blueF());
    highlightActor_->GetProperty()->SetPointSize(13.0f);
    highlightActor_->GetProperty()->SetRenderPointsAsSpheres(true);
}

ProjectionCloudActor::~ProjectionCloudActor() = default;

void ProjectionCloudActor::addTo(vtkRenderer* renderer) {
    renderer_ = renderer;
    renderer->AddActor(fullActor_);
    renderer->AddActor(movingActor_);
    renderer->AddActor(highlightActor_);
    renderer->AddActor2D(scalarBar_);
}

void ProjectionCloudActor::setPoints(const PointRows& points, double splatRadius) {
    vtkNew<vtkFloatArray> coordinates;
    coordinates->SetNumberOfComponents(3);
    coordinates->SetNumberOfTuples(points.rows());
    std::memcpy(coordinates->GetPointer(0), points.data(), sizeof(float) * points.size());
    vtkNew<vtkPoints> vtkpoints;
    vtkpoints->SetData(coordinates);
    cloud_->Initialize();
    cloud_->SetPoints(vtkpoints);
    fullMapper_->SetScaleFactor(splatRadius);
    rebuildSubsamples();
}

void ProjectionCloudActor::setColours(const PointColours& colours) {
    vtkNew<vtkFloatArray> values;
    values->SetName("colour");
    values->SetNumberOfValues(vtkIdType(colours.values.size()));
    std::copy(colours.values.begin(), colours.values.end(), values->GetPointer(0));
    cloud_->GetPointData()->SetScalars(values);
    if (colours.twoColours) {
        colours_->SetNumberOfTableValues(2);
        colours_->SetTableValue(0, 0.55, 0.58, 0.65, 1.0);
        colours_->SetTableValue(1, kSelectionColour.redF(), kSelectionColour.greenF(),
                                kSelectionColour.blueF(), 1.0);
        colours_->SetTableRange(0.0, 1.0);
    } else {
        colours_->SetNumberOfTableValues(256);
        colours_->SetHueRange(0.66, 0.0);
        colours_->SetSaturationRange(0.85, 0.85);
        colours_->SetValueRange(1.0, 1.0);
        colours_->SetTableRange(colours.low, colours.high);
        colours_->ForceBuild();
    }
    colours_->Modified();
    scalarBar_->SetTitle(drawableText(colours.title).c_str());
    showColourBar(true);
    scalarBar_->SetNumberOfLabels(colours.twoColours ? 2 : colours.labels);
    scalarBar_->SetLabelFormat(colours.labelFormat.c_str());
    cloud_->Modified();
    rebuildSubsamples();
}

void ProjectionCloudActor::setMoving(bool moving) {
    // FXAA is a full-screen pass: on llvmpipe it costs a third of a frame, so it waits until
    // the camera stops, like the full cloud.
    if (renderer_ && moving != moving_) renderer_->SetUseFXAA(!moving);
    moving_ = moving;
    const bool subsampled = subsample_->GetNumberOfPoints() < still_->GetNumberOfPoints();
    fullActor_->SetVisibility(!moving || !subsampled);
    movingActor_->SetVisibility(moving && subsampled);
}

void ProjectionCloudActor::setHighlighted(const PointRows& points) {
    vtkNew<vtkPoints> markers;
    markers->SetDataTypeToFloat();
    markers->SetNumberOfPoints(points.rows());
    for (Index i = 0; i < points.rows(); ++i)
        markers->SetPoint(i, points(i, 0), points(i, 1), points(i, 2));
    highlighted_->Initialize();
    highlighted_->SetPoints(markers);
    highlighted_->SetVerts(vertexCells(points.rows()));
    highlighted_->Modified();
}

long ProjectionCloudActor::pointCount() const { return long(cloud_->GetNumberOfPoints()); }

long ProjectionCloudActor::stillStride() const {
    return fullDetail_ ? 1 : long(strideFor(cloud_->GetNumberOfPoints(), stillBudget_));
}

long ProjectionCloudActor::stillPointCount() const { return long(still_->GetNumberOfPoints()); }

bool ProjectionCloudActor::adaptToStillFrame(double seconds) {
    if (moving_ || fullDetail_ || seconds <= 0) return false;
    const long drawn = stillPointCount();
    // Points a frame of the target time would draw if the time grew with the points; fixed
    // costs make it an underestimate, which errs towards a responsive window.
    const double fitting = 0.9 * double(drawn) * kStillFrameSeconds / seconds;
    long budget = stillBudget_;
    if (seconds > 1.25 * kStillFrameSeconds)
        budget = std::max(kMovingPointBudget, long(fitting));
    else if (seconds < 0.6 * kStillFrameSeconds && drawn < pointCount())
        budget = std::max(stillBudget_, long(std::min(fitting, 4.0 * double(drawn))));
    if (budget == stillBudget_) return false;
    stillBudget_ = budget;
    rebuildStill();
    return stillPointCount() > drawn;
}

void ProjectionCloudActor::setFullDetail(bool full) {
    if (full == fullDetail_) return;
    fullDetail_ = full;
    rebuildStill();
}

// Stride subsamples keep the cloud's shape and colours.
void ProjectionCloudActor::rebuildSubsamples() {
    sampleEvery(cloud_, strideFor(cloud_->GetNumberOfPoints(), kMovingPointBudget), subsample_);
    rebuildStill();
}

void ProjectionCloudActor::rebuildStill() {
    sampleEvery(cloud_, stillStride(), still_);
    // By the whole cloud's size, so that thinning a large cloud keeps its look: splats are sized
    // by the sphere, and a large cloud's camera is often far enough to make them invisible.
    const bool splats = pointCount() <= kSplatPointLimit;
    fullActor_->SetMapper(splats ? static_cast<vtkMapper*>(fullMapper_.Get()) : plainMapper_.Get());
    fullActor_->GetProperty()->SetPointSize(splats ? 1.0f : 2.0f);
    setMoving(moving_);
}

}  // namespace lngeom::widgets
