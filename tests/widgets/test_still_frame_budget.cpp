// The projection cloud's still frames: the first draws at most the first budget; a slow frame
// shrinks the budget (never below the moving subsample) without asking for another frame; a fast
// one grows it at most fourfold and asks for a frame with more points, up to the whole cloud;
// frames while the camera moves leave it alone; captures for figures draw every point.
#include <QtTest>

#include "tests/widgets/widgets_test_main.h"
#include "widgets/projection/projection_cloud_actor.h"

using namespace lngeom;
using namespace lngeom::widgets;

namespace {

constexpr long kCloudPoints = 1000000;
constexpr double kTarget = ProjectionCloudActor::kStillFrameSeconds;

void fill(ProjectionCloudActor& actor, long count) {
    PointRows points(count, 3);
    for (long i = 0; i < count; ++i) points.row(i) << float(i % 101), float(i % 37), float(i % 11);
    actor.setPoints(points, 0.01);
    PointColours colours;
    colours.values.assign(std::size_t(count), 0.5f);
    actor.setColours(colours);
}

}  // namespace

class TestStillFrameBudget : public QObject {
    Q_OBJECT
  private slots:
    void theFirstStillFrameDrawsTheFirstBudget() {
        ProjectionCloudActor actor;
        fill(actor, kCloudPoints);
        QVERIFY(actor.stillPointCount() <= ProjectionCloudActor::kFirstStillBudget);
        QCOMPARE(actor.stillStride(), (kCloudPoints + ProjectionCloudActor::kFirstStillBudget - 1) /
                                          ProjectionCloudActor::kFirstStillBudget);
        QCOMPARE(actor.pointCount(), kCloudPoints);
    }

    void aSmallCloudIsDrawnWhole() {
        ProjectionCloudActor actor;
        fill(actor, 1000);
        QCOMPARE(actor.stillStride(), 1L);
        QCOMPARE(actor.stillPointCount(), 1000L);
        QVERIFY(!actor.adaptToStillFrame(0.001));
    }

    void frameTimesMoveTheBudget_data() {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<bool>("redraw");
        QTest::addColumn<int>("direction");  // -1 fewer points, 0 as many, +1 more
        QTest::newRow("slow frame") << 10 * kTarget << false << -1;
        QTest::newRow("a little slow, within tolerance") << 1.1 * kTarget << false << 0;
        QTest::newRow("near the target") << 0.8 * kTarget << false << 0;
        QTest::newRow("fast frame") << 0.1 * kTarget << true << +1;
    }
    void frameTimesMoveTheBudget() {
        QFETCH(double, seconds);
        QFETCH(bool, redraw);
        QFETCH(int, direction);
        ProjectionCloudActor actor;
        fill(actor, kCloudPoints);
        actor.adaptToStillFrame(0.2 * kTarget);  // grown above the floor, so it can shrink
        const long before = actor.stillPointCount();
        QCOMPARE(actor.adaptToStillFrame(seconds), redraw);
        const long after = actor.stillPointCount();
        QCOMPARE((after > before) - (after < before), direction);
        QVERIFY(after >= ProjectionCloudActor::kMovingPointBudget);
        QVERIFY(after <= 4 * before);
    }

    void fastFramesReachTheWholeCloud() {
        ProjectionCloudActor actor;
        fill(actor, kCloudPoints);
        int frames = 0;
        while (actor.adaptToStillFrame(0.01 * kTarget)) ++frames;
        QCOMPARE(actor.stillStride(), 1L);
        QCOMPARE(actor.stillPointCount(), kCloudPoints);
        QVERIFY2(frames <= 3, qPrintable(QString::number(frames)));
    }

    void slowFramesNeverGoBelowTheMovingSubsample() {
        ProjectionCloudActor actor;
        fill(actor, kCloudPoints);
        for (int frame = 0; frame < 5; ++frame) QVERIFY(!actor.adaptToStillFrame(100 * kTarget));
        QVERIFY(actor.stillPointCount() >= ProjectionCloudActor::kMovingPointBudget / 2);
        QVERIFY(actor.stillStride() > 1);
    }

    void framesWhileMovingLeaveTheBudgetAlone() {
        ProjectionCloudActor actor;
        fill(actor, kCloudPoints);
        const long before = actor.stillPointCount();
        actor.setMoving(true);
        QVERIFY(!actor.adaptToStillFrame(0.01 * kTarget));
        QVERIFY(!actor.adaptToStillFrame(100 * kTarget));
        QCOMPARE(actor.stillPointCount(), before);
    }

    void figuresDrawEveryPoint() {
        ProjectionCloudActor actor;
        fill(actor, kCloudPoints);
        const long budgeted = actor.stillPointCount();
        actor.setFullDetail(true);
        QCOMPARE(actor.stillStride(), 1L);
        QCOMPARE(actor.stillPointCount(), kCloudPoints);
        QVERIFY(!actor.adaptToStillFrame(100 * kTarget));
        QCOMPARE(actor.stillPointCount(), kCloudPoints);
        actor.setFullDetail(false);
        QCOMPARE(actor.stillPointCount(), budgeted);
    }
};

LNGEOM_WIDGETS_TEST_MAIN(TestStillFrameBudget)
#include "test_still_frame_budget.moc"
