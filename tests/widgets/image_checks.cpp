#include "tests/widgets/image_checks.h"

#include <QDir>

#include <algorithm>
#include <cstdlib>

namespace lngeom::test {

int colourDistance(const QColor& a, const QColor& b) {
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()),
                     std::abs(a.blue() - b.blue())});
}

double fractionOfPixelsNear(const QImage& image, const QColor& colour, int tolerance) {
    if (image.isNull()) return 0.0;
    long long near = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (colourDistance(image.pixelColor(x, y), colour) <= tolerance) ++near;
    return static_cast<double>(near) / (static_cast<double>(image.width()) * image.height());
}

double meanAbsoluteDifference(const QImage& a, const QImage& b) {
    const QImage first = a.convertToFormat(QImage::Format_RGB888);
    const QImage second = b.convertToFormat(QImage::Format_RGB888);
    double total = 0.0;
    for (int y = 0; y < first.height(); ++y) {
        const uchar* rowA = first.constScanLine(y);
        const uchar* rowB = second.constScanLine(y);
        for (int i = 0; i < first.width() * 3; ++i) total += std::abs(rowA[i] - rowB[i]);
    }
    return total / (3.0 * first.width() * first.height());
}

QString saveTestImage(const QImage& image, const QString& name) {
    QDir().mkpath(LNGEOM_TEST_OUTPUT_DIR);
    const QString path = QStringLiteral(LNGEOM_TEST_OUTPUT_DIR "/") + name + ".png";
    image.save(path);
    return path;
}

int countPixels(const QImage& image, const std::function<bool(const QColor&)>& test) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) count += test(image.pixelColor(x, y));
    return count;
}

}  // namespace lngeom::test
