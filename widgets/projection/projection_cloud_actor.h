#pragma once
// The projection view's points in VTK: detail when the camera is still (shaded splats from
// vtkPointGaussianMapper, or plain points for clouds too large for splats), and a subsample drawn
// as plain points while it moves, so a million tokens stay interactive on software OpenGL. Colours
// come from one value per point through a lookup table that a scalar bar explains.
// A still frame draws at most a budget of points, learnt from the time still frames take: VTK
// draws on the GUI thread, and two million points on software OpenGL hold it for a second; a GPU
// draws them within the budget, which then grows to the whole cloud. Figures draw every point.

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
    // What a still frame may take, and the points the first one draws before any is measured.
    static constexpr double kStillFrameSeconds = 0.08;
    static constexpr long kFirstStillBudget = kMovingPointBudget;

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
    // After a still frame that took `seconds` (render and copy): adapts the still budget. True
    // when the budget grew and a frame with more points should be drawn now.
    bool adaptToStillFrame(double seconds);
    // Every point whatever the budget (figures); false returns to the budget.
    void setFullDetail(bool full);
    long pointCount() const;
    // The points a still frame draws: the whole cloud, or every stillStride()-th point.
    long stillPointCount() const;
    long stillStride() const;
    // The colour bar beside the cloud (the annotations keep it below the caption).
    vtkScalarBarActor* colourBar() const { return scalarBar_; }

  private:
    void showColourBar(bool shown);
    void rebuildSubsamples();
    void rebuildStill();

    vtkNew<vtkPolyData> cloud_;  // every point and its colour value; no cells, never drawn
    vtkNew<vtkPolyData> still_;
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
    bool fullDetail_ = false;
    long stillBudget_ = kFirstStillBudget;
};

}  // namespace lngeom::widgets
