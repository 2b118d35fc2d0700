#pragma once
// The step-through's 3D picture (the paper's Fig. 2 on real tokens): the frame of the
// normalization scene and, for each walked token, its LayerNorm vectors up to the current step
// in the token's colour and its RMSNorm vectors beside them (blue for a single token, a pale tint
// of its colour for several), earlier steps faint, the current one bold and labelled; at the
// centring step the component along 1 that LayerNorm removes, in red; R³'s coordinate axes for
// the d = 3 teaching vector. Vectors are placed by
// walk_placement: true norms and angles to 1.

#include <vtkSmartPointer.h>

#include <string>
#include <vector>

#include "widgets/step_through/walk_text.h"

class vtkProp;
class vtkRenderer;

namespace lngeom::widgets {

class WalkScene {
  public:
    explicit WalkScene(vtkRenderer* renderer);
    ~WalkScene();

    // Replaces the picture with the tokens' walks at `step` (0 … kWalkStageCount − 1); tokens
    // without a walk are left out.
    void show(const std::vector<WalkedToken>& tokens, const BasisAxes& axes, int step);
    // Removes the walks, keeps the frame.
    void clear();
    // The frame for vectors of R^d with √d = `radius`, the camera framed on it when it is new.
    void showFrame(double radius);

  private:
    // Which side of a tip a label goes, in screen space, so that the labels of the two paths
    // and of the removed component, whose tips are often close, stay apart.
    enum class LabelSide { LeftAbove, RightBelow, RightAbove };

    struct PathStyle {
        QColor colour;
        double thickness;
        bool layerNorm;
        std::string name;  // the current tip's label: empty for the stage's own name
        bool labelled;
        LabelSide side;
    };
    void addPath(const std::vector<WalkStage>& path, const BasisAxes& axes, int step,
                 const PathStyle& style);
    void addLabel(const Eigen::Vector3d& at, const std::string& text, const QColor& colour,
                  LabelSide side);
    void addRemovedComponent(const NormalizationWalk& walk, const BasisAxes& axes, bool named);
    void addCoordinateAxes(const BasisAxes& axes);
    void add(vtkSmartPointer<vtkProp> prop);

    vtkRenderer* renderer_;
    std::vector<vtkSmartPointer<vtkProp>> props_;
    double frameRadius_ = 0;
};

}  // namespace lngeom::widgets
