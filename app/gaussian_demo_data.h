#pragma once
// The window's opening picture until dumps are opened: random Gaussian vectors in d dimensions,
// which are nearly orthogonal to 1 (the angle concentrates at 90° as d grows) — the same
// geometry the paper finds in trained models' hidden vectors.

#include <Eigen/Core>

#include <vector>

#include "widgets/normalization_scene.h"

namespace lngeom::app {

struct GaussianDemoData {
    int dimension = 0;
    // The first `shownCount` vectors, placed for the 3D view: at their true norm, at their true
    // angle from 1, in the direction of their projection onto two axes orthogonal to 1.
    widgets::NormalizationSceneData scene;
    // Histogram of the angle to 1 of all vectors, in degrees.
    std::vector<double> angleEdges;
    std::vector<double> angleCounts;
};

GaussianDemoData makeGaussianDemoData(int dimension, int vectorCount, int shownCount,
                                      unsigned seed);

}  // namespace lngeom::app
