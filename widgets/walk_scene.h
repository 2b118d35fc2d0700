#pragma once
// The step-through's 3D picture (the paper's Fig. 2 on a real token): the frame of the
// normalization scene, LayerNorm's vectors up to the current step in orange and RMSNorm's in
// blue, earlier steps faint, the current one bold and labelled, and at the centring step the
// component along 1 that LayerNorm removes, in red. Vectors are drawn in the walk's own basis,
// where every LayerNorm stage is exact.

#include <vtkSmartPointer.h>

#include <vector>

#include "core/normalization_walk.h"

class vtkProp;
class vtkRenderer;

namespace lngeom::widgets {

class WalkScene {
  public:
    explicit WalkScene(vtkRenderer* renderer);
    ~WalkScene();

    // Replaces the picture with the walk at `step` (0 … kWalkStageCount − 1).
    void show(const NormalizationWalk& walk, const BasisAxes& axes, int step);

  private:
    void clear();
    void addPath(const std::vector<WalkStage>& path, const BasisAxes& axes, int step,
                 const double colour[3], const std::vector<const char*>& names, double labelLift);
    void addRemovedComponent(const NormalizationWalk& walk, const BasisAxes& axes);
    void add(vtkSmartPointer<vtkProp> prop);

    vtkRenderer* renderer_;
    std::vector<vtkSmartPointer<vtkProp>> props_;
    double frameRadius_ = 0;
};

}  // namespace lngeom::widgets
