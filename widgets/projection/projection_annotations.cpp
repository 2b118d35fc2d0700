#include "widgets/projection/projection_annotations.h"

namespace lngeom::widgets {

void ProjectionAnnotations::addTo(vtkRenderer* renderer) {
    first_.addTo(renderer);
    second_.addTo(renderer);
    caption_.addTo(renderer);
}

void ProjectionAnnotations::setAxes(double length, const std::string& first,
                                    const std::string& second) {
    const double left[3] = {-length, 0, 0}, right[3] = {length, 0, 0};
    const double back[3] = {0, -length, 0}, front[3] = {0, length, 0};
    first_.set(left, right, first);
    second_.set(back, front, second);
}

}  // namespace lngeom::widgets
