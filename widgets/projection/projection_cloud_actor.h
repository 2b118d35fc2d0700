#pragma once
// The projection view's points in VTK: full detail when the camera is still (shaded splats from
// vtkPointGaussianMapper, or plain points for clouds too large for splats), and a subsample drawn
// as plain points while it moves, so a million tokens stay interactive on software OpenGL. Colours
// come from one value per point through a lookup table that a scalar bar explains.

#include <vtkNew.h>
#include <vtkSmartPointer.h>

#include <string>
#include <vector>

#include "core/geometry/projection.h"

class vtkActor;
class vtkLookupTable;
class vtkPointGaussianMapper;
class vtkPolyData;
class vtkPolyDataMapper;
class vtkRenderer;
class vtkScalarBarActor;

namespace lngeom::widgets {

struct PointColours {
    std::vector<float> values;  // one per point
    double low = 0;
    double high = 1;
    std::string title;        // the scalar bar's title, with unit
    bool twoColours = false;  // 0 = not selected, 1 = selected
    int labels = 5;           // the scalar bar's labels, spread evenly from low to high
    std::string labelFormat = "%.4g";
};

class ProjectionCloudActor {
  public:
    // At most this many points are drawn while the camera moves.
    static constexpr long kMovingPointBudget = 50000;
    // Larger clouds are drawn as plain points when still too: splats cost a triangle each.
    static constexpr long kSplatPointLimit = 300000;

    ProjectionCloudActor();
    ~ProjectionCloudActor();

    void addTo(vtkRenderer* renderer);
    // `splatRadius` in world units (the sphere's radius sets the scale).
    void setPoints(const PointRows& points, double splatRadius);
    void setColours(const PointColours& colours);
    // Draws these points (the selected tokens) as large markers above the cloud.
    void setHighlighted(const PointRows& points);
    // Switches between the subsample without anti-aliasing (moving) and full detail (still).
    void setMoving(bool moving);
    bool isMoving() const { return moving_; }
    long pointCount() const;
    // The colour bar beside the cloud (the annotations keep it below the caption).
    vtkScalarBarActor* colourBar() const { return scalarBar_; }

  private:
    void showColourBar(bool shown);
    void rebuildSubsample();

    vtkNew<vtkPolyData> cloud_;
    vtkNew<vtkPolyData> subsample_;
    vtkNew<vtkPointGaussianMapper> fullMapper_;
    vtkNew<vtkPolyDataMapper> plainMapper_;
    vtkNew<vtkPolyDataMapper> movingMapper_;
    vtkNew<vtkActor> fullActor_;
    vtkNew<vtkActor> movingActor_;
    vtkNew<vtkPolyData> highlighted_;
    vtkNew<vtkActor> highlightActor_;
    vtkNew<vtkLookupTable> colours_;
    vtkNew<vtkScalarBarActor> scalarBar_;
    vtkRenderer* renderer_ = nullptr;
    bool moving_ = false;
};

}  // namespace lngeom::widgets
