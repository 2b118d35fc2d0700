// The projection view's cloud from a dump (the sample): every finite token placed, the bases a
// user can choose, every layer of a site kind in one basis, and picking a point on screen.
#include <QTest>
#include <algorithm>
#include <cmath>

#include "core/errors.h"
#include "core/geometry/projected_cloud.h"
#include "core/geometry/screen_picking.h"

using namespace lngeom;

namespace {

const std::string kSample = LNGEOM_SOURCE_DIR "/data/sample-layernorm.h5";

// An orthographic camera looking down −z at the square [−1, 1]² of a 200 × 200 viewport; depth
// z ∈ [−1, 1] maps to clip z = −z (larger z is nearer).
ScreenPick orthographic_pick(double x_pixels, double y_pixels) {
    ScreenPick pick;
    pick.world_to_clip = Eigen::Matrix4d::Identity();
    pick.world_to_clip(2, 2) = -1.0;
    pick.viewport_size = {200, 200};
    pick.position = {x_pixels, y_pixels};
    pick.radius = 5;
    return pick;
}

}  // namespace

class TestProjectedCloud : public QObject {
    Q_OBJECT

  private slots:
    void every_token_of_a_site_is_placed_data() {
        QTest::addColumn<int>("choice");
        QTest::addRow("principal") << int(BasisChoice::Principal);
        QTest::addRow("coordinates") << int(BasisChoice::Coordinates);
        QTest::addRow("token") << int(BasisChoice::Token);
        QTest::addRow("random") << int(BasisChoice::Random);
    }
    void every_token_of_a_site_is_placed() {
        QFETCH(int, choice);
        const Dump dump = Dump::open(kSample);
        CloudRequest request;
        request.site = 1;
        request.representation = Representation::LnStandardized;
        request.placement = Placement::TrueRadius;
        request.basis.choice = BasisChoice(choice);
        request.basis.token = 17;
        request.block_bytes = 16 * 1024;
        const ProjectedCloud cloud = compute_projected_cloud(dump, request);
        const SiteInfo& site = dump.info().sites[1];
        QCOMPARE(Index(cloud.tokens.size()), site.n_tokens);
        QCOMPARE(cloud.points.rows(), site.n_tokens);
        QCOMPARE(cloud.tokens.back(), site.n_tokens - 1);
        QCOMPARE(cloud.sphere_radius, std::sqrt(double(site.d)));
        const Eigen::VectorXf radii = cloud.points.rowwise().norm();
        // ε/σ² is tiny for trained activations: every y sits on the √d sphere, in the plane.
        QVERIFY((radii.array() - float(cloud.sphere_radius)).abs().maxCoeff() < 1e-3f);
        QCOMPARE(cloud.points.col(2).cwiseAbs().maxCoeff(), 0.0f);
        QVERIFY(cloud.basis.variance_share.sum() > 0);
    }

    void the_first_tokens_when_capped() {
        const Dump dump = Dump::open(kSample);
        CloudRequest request;
        request.max_points = 100;
        request.representation = Representation::Output;
        const ProjectedCloud cloud = compute_projected_cloud(dump, request);
        QCOMPARE(cloud.points.rows(), Index(100));
        QCOMPARE(cloud.tokens.front(), Index(0));
    }

    void sites_of_a_kind_are_every_layer_of_it_data() {
        QTest::addColumn<SiteIndex>("site");
        QTest::addColumn<std::vector<SiteIndex>>("expected");
        QTest::addRow("ln1") << SiteIndex{2} << std::vector<SiteIndex>{0, 2, 4, 6};
        QTest::addRow("ln2") << SiteIndex{1} << std::vector<SiteIndex>{1, 3, 5, 7};
        QTest::addRow("final alone") << SiteIndex{8} << std::vector<SiteIndex>{8};
    }
    void sites_of_a_kind_are_every_layer_of_it() {
        QFETCH(SiteIndex, site);
        QFETCH(std::vector<SiteIndex>, expected);
        QCOMPARE(sites_of_same_kind(Dump::open(kSample).info(), site), expected);
    }

    // Every ln1 site, each placed in the basis of the requested one, sharing max_points.
    void a_layer_cloud_places_every_site_of_the_kind_in_one_basis() {
        const Dump dump = Dump::open(kSample);
        CloudRequest request;
        request.site = 2;
        request.max_points = 400;
        const ProjectedCloud layered = compute_layer_cloud(dump, request);
        QCOMPARE(layered.points.rows(), Index(400));
        QCOMPARE(layered.layers.size(), std::size_t(400));
        QCOMPARE(layered.layers.front(), 0);
        QCOMPARE(layered.layers.back(), 3);
        QCOMPARE(std::count(layered.layers.begin(), layered.layers.end(), 1), std::ptrdiff_t(100));
        request.max_points = 100;
        const ProjectedCloud own = compute_projected_cloud(dump, request);
        QVERIFY(own.layers.empty());
        QCOMPARE(layered.basis.axes, own.basis.axes);
        // Layer 1 is site 2 itself: its 100 points are the second quarter.
        QCOMPARE(PointRows(layered.points.middleRows(100, 100)), own.points);
        QCOMPARE(std::vector<Index>(layered.tokens.begin() + 100, layered.tokens.begin() + 200),
                 own.tokens);
    }

    void a_cancelled_cloud_throws() {
        const Dump dump = Dump::open(kSample);
        const std::atomic<bool> cancel{true};
        QVERIFY_THROWS_EXCEPTION(CancelledError, compute_projected_cloud(dump, {}, &cancel));
    }

    void picking_finds_the_nearest_point_in_front() {
        PointRows points(4, 3);
        points << 0.0f, 0.0f, 0.0f,  // centre of the viewport: pixel (100, 100)
            0.0f, 0.0f, 0.5f,        // same pixel, nearer the viewer
            0.5f, 0.5f, 0.0f,        // pixel (150, 150)
            0.5f, 0.55f, 0.0f;       // pixel (150, 155)
        QCOMPARE(pick_point(points, orthographic_pick(100, 100)), Index(1));
        QCOMPARE(pick_point(points, orthographic_pick(151, 149)), Index(2));
        QCOMPARE(pick_point(points, orthographic_pick(150, 156)), Index(3));
        QCOMPARE(pick_point(points, orthographic_pick(120, 120)), Index(-1));
        PointRows outside(1, 3);
        outside << 0.0f, 0.0f, 3.0f;  // beyond the near plane
        QCOMPARE(pick_point(outside, orthographic_pick(100, 100)), Index(-1));
    }

    // A still frame that draws every second point: the points it leaves out cannot be picked.
    void picking_sees_only_the_drawn_points() {
        PointRows points(4, 3);
        points << 0.0f, 0.0f, 0.0f,  // drawn, pixel (100, 100)
            0.5f, 0.5f, 0.0f,        // not drawn, pixel (150, 150)
            0.0f, 0.0f, 0.5f,        // drawn, pixel (100, 100) nearer the viewer
            0.5f, 0.55f, 0.0f;       // not drawn, pixel (150, 155)
        ScreenPick pick = orthographic_pick(150, 150);
        QCOMPARE(pick_point(points, pick), Index(1));
        pick.stride = 2;
        QCOMPARE(pick_point(points, pick), Index(-1));
        pick = orthographic_pick(100, 100);
        pick.stride = 2;
        QCOMPARE(pick_point(points, pick), Index(2));
    }
};

QTEST_APPLESS_MAIN(TestProjectedCloud)
#include "test_projected_cloud.moc"
