// Dumps captured after LayerNorm folding (core/analysis/folded_layer_norm): an exactly
// mean-centred dump (float32 and float16, γ = 1 stored or none) is named with the likely cause;
// the bundled samples and a dump with real structure are not.
#include <QTest>

#include "core/analysis/folded_layer_norm.h"
#include "core/metrics/metrics_pass.h"
#include "tests/core/test_analysis_fixtures.h"

using namespace lngeom;

namespace {

std::optional<FoldedLayerNorm> finding_of(const std::string& path) {
    const Dump dump = Dump::open(path);
    return detect_folded_layer_norm(site_centring(dump, run_metrics_pass(dump, PassOptions{})));
}

}  // namespace

class TestFoldedLayerNorm : public QObject {
    Q_OBJECT

  private slots:
    void centred_dump_is_named_with_its_likely_cause() {
        const std::optional<FoldedLayerNorm> finding =
            finding_of(test::analysis_fixture("centred.h5"));
        QVERIFY(finding.has_value());
        QCOMPARE(finding->centred_sites.size(), size_t(3));
        QCOMPARE(finding->layer_norm_sites, size_t(3));
        QVERIFY(finding->identity_affine);
        QVERIFY(finding->max_angle_from_90_deg < 1e-2);  // float16 rounding at d = 768
        const QString text = QString::fromStdString(describe_folded_layer_norm(*finding));
        QVERIFY2(text.startsWith("every input of 3 of 3 LayerNorm sites is mean-centred"),
                 qPrintable(text));
        QVERIFY(text.contains("γ = 1, β = 0"));
        QVERIFY(text.contains("fold_ln and center_writing_weights"));
        QVERIFY(text.contains("from_pretrained_no_processing"));
    }

    void real_structure_is_not_flagged() {
        QVERIFY(!finding_of(std::string(LNGEOM_SOURCE_DIR) + "/data/sample-layernorm.h5"));
        QVERIFY(!finding_of(std::string(LNGEOM_SOURCE_DIR) + "/data/sample-rmsnorm.h5"));
        QVERIFY(!finding_of(test::analysis_fixture("massive.h5")));
    }

    // Centred inputs with a real γ: centring alone (center_writing_weights), said as such;
    // RMSNorm sites never count.
    void centring_without_folding_and_rms_norm_sites() {
        std::vector<SiteCentring> sites{{0, NormKind::LayerNorm, 10, 1e-6, false},
                                        {1, NormKind::LayerNorm, 10, 0.2, false},
                                        {2, NormKind::RmsNorm, 10, 1e-7, true},
                                        {3, NormKind::LayerNorm, 0, 0.0, true}};
        const std::optional<FoldedLayerNorm> finding = detect_folded_layer_norm(sites);
        QVERIFY(finding.has_value());
        QCOMPARE(finding->centred_sites, std::vector<SiteIndex>{0});
        QCOMPARE(finding->layer_norm_sites, size_t(2));
        const QString text = QString::fromStdString(describe_folded_layer_norm(*finding));
        QVERIFY(text.contains("1 of 2 LayerNorm sites"));
        QVERIFY(text.contains("the residual stream was likely centred"));
        QVERIFY(!text.contains("γ = 1"));
        sites.erase(sites.begin());
        QVERIFY(!detect_folded_layer_norm(sites));
    }
};

QTEST_APPLESS_MAIN(TestFoldedLayerNorm)
#include "test_folded_layer_norm.moc"
