#pragma once
// Helpers for tests that check rendered images: pixel measures with tolerances, and saving
// the actual image when a check fails so it can be looked at (as f3d's tests do).

#include <QColor>
#include <QImage>
#include <QString>

#include <functional>

namespace lngeom::test {

// Largest per-channel difference between two colours, 0–255.
int colourDistance(const QColor& a, const QColor& b);

// Fraction of pixels whose colour is within `tolerance` of `colour`.
double fractionOfPixelsNear(const QImage& image, const QColor& colour, int tolerance);

// Mean absolute per-channel difference (0–255) of two images of the same size.
double meanAbsoluteDifference(const QImage& a, const QImage& b);

// Pixels for which `test` holds.
int countPixels(const QImage& image, const std::function<bool(const QColor&)>& test);

// Saves `image` as LNGEOM_TEST_OUTPUT_DIR/<name>.png and returns the path.
QString saveTestImage(const QImage& image, const QString& name);

}  // namespace lngeom::test
