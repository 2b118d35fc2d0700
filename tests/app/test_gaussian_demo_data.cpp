// The window's sample data: random Gaussian vectors in d dimensions are nearly orthogonal to 1,
// with angle spread ≈ (180/π)/√d degrees, and the 3D placement keeps true norms and angles.

#include <QtTest>

#include <cmath>
#include <numbers>
#include <numeric>

#include "app/gaussian_demo_data.h"

using lngeom::app::makeGaussianDemoData;

class TestGaussianDemoData : public QObject {
    Q_OBJECT
  private slots:
    void angleConcentratesAtNinetyDegrees_data();
    void angleConcentratesAtNinetyDegrees();
    void scenePointsKeepNormAndAngle();
    void sameSeedSameData();
};

void TestGaussianDemoData::angleConcentratesAtNinetyDegrees_data() {
    QTest::addColumn<int>("dimension");
    QTest::newRow("d = 64") << 64;
    QTest::newRow("d = 256") << 256;
}

void TestGaussianDemoData::angleConcentratesAtNinetyDegrees() {
    QFETCH(int, dimension);
    const auto data = makeGaussianDemoData(dimension, 20000, 10, 7);
    const auto& counts = data.angleCounts;
    const auto& edges = data.angleEdges;
    QCOMPARE(edges.size(), counts.size() + 1);
    double total = 0.0, sum = 0.0, sumOfSquares = 0.0;
    for (std::size_t bin = 0; bin < counts.size(); ++bin) {
        const double centre = 0.5 * (edges[bin] + edges[bin + 1]);
        total += counts[bin];
        sum += counts[bin] * centre;
        sumOfSquares += counts[bin] * centre * centre;
    }
    QVERIFY(total > 0.99 * 20000);
    const double mean = sum / total;
    const double spread = std::sqrt(sumOfSquares / total - mean * mean);
    const double expectedSpread = 180.0 / std::numbers::pi / std::sqrt(double(dimension));
    QVERIFY2(std::abs(mean - 90.0) < 0.3, qPrintable(QString::number(mean)));
    QVERIFY2(std::abs(spread - expectedSpread) < 0.1 * expectedSpread,
             qPrintable(QString("%1 vs %2").arg(spread).arg(expectedSpread)));
}

void TestGaussianDemoData::scenePointsKeepNormAndAngle() {
    const auto data = makeGaussianDemoData(64, 500, 500, 11);
    QCOMPARE(data.scene.points.cols(), Eigen::Index(500));
    QCOMPARE(data.scene.sphereRadius, 8.0);
    for (Eigen::Index i = 0; i < data.scene.points.cols(); ++i) {
        const Eigen::Vector3d point = data.scene.points.col(i);
        const double angle = std::acos(point.z() / point.norm()) * 180.0 / std::numbers::pi;
        QVERIFY(std::abs(angle - data.scene.anglesToOne(i)) < 1e-9);
        QVERIFY(point.norm() > 4.0 && point.norm() < 12.0);
    }
}

void TestGaussianDemoData::sameSeedSameData() {
    const auto first = makeGaussianDemoData(64, 1000, 50, 3);
    const auto second = makeGaussianDemoData(64, 1000, 50, 3);
    const auto other = makeGaussianDemoData(64, 1000, 50, 4);
    QVERIFY(first.scene.points == second.scene.points);
    QVERIFY(first.angleCounts == second.angleCounts);
    QVERIFY(first.scene.points != other.scene.points);
}

QTEST_GUILESS_MAIN(TestGaussianDemoData)
#include "test_gaussian_demo_data.moc"
