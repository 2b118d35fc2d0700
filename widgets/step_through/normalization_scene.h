#pragma once
// The 3D picture of layer normalization: the uniform direction 1 as an arrow (vertical), the
// hyperplane orthogonal to 1 as a translucent disc, the sphere of radius √d as a wireframe, and
// the vectors as points coloured by their angle to 1.

#include <Eigen/Core>

class vtkRenderer;

namespace lngeom::widgets {

struct NormalizationSceneData {
    // 3 × n: each column a point in the basis (in-plane axis, in-plane axis, 1 direction).
    Eigen::Matrix3Xd points;
    // n angles to 1 in degrees, for the colours (90° = orthogonal to 1).
    Eigen::VectorXd anglesToOne;
    // √d: the radius of the sphere LayerNorm's standardization maps onto.
    double sphereRadius = 1.0;
};

// Adds the scene's actors to `renderer` and frames the camera on them.
void addNormalizationScene(vtkRenderer* renderer, const NormalizationSceneData& data);

// The scene without its points, for views that draw their own: background, the 1 axis, the
// disc of the hyperplane ⊥ 1 and the √d sphere of radius `sphereRadius`.
void addNormalizationFrame(vtkRenderer* renderer, double sphereRadius);
// Looks at the sphere of radius `sphereRadius` from above the hyperplane, 1 pointing up.
void frameNormalizationCamera(vtkRenderer* renderer, double sphereRadius);
// Keeps the camera's direction and moves it along it so that a ball of `radius` around the
// origin fits the view (its narrower side included): a cloud reaching far outside the sphere
// stays in the picture.
void fitCameraToBall(vtkRenderer* renderer, double radius);

}  // namespace lngeom::widgets
