// The massive-activations panel on the dump with planted massive activations
// (make_analysis_fixtures.py): "Select flagged tokens" puts exactly the current site's flagged
// tokens (numpy's) into the linked selection, the energy-share histogram counts every token as
// numpy does, the thresholds re-flag, and the LLM.int8() rule finds no outlier feature there.

#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "tests/core/test_analysis_fixtures.h"
#include "tests/widgets/sample_documents.h"
#include "tests/widgets/widgets_test_main.h"
#include "widgets/charts/massive_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"

using namespace lngeom;
using namespace lngeom::widgets;

class TestMassiveSelection : public QObject {
    Q_OBJECT

    std::unique_ptr<DumpDocument> document_;
    QJsonArray expected_;

    // numpy's flagged rows of `site`: max |x| at or above the threshold.
    std::vector<Index> flaggedRows(int site, double threshold) const {
        const Eigen::VectorXd maxAbs = test::vector_of(expected_[site].toObject()["max_abs"]);
        std::vector<Index> rows;
        for (Index row = 0; row < maxAbs.size(); ++row)
            if (maxAbs(row) >= threshold) rows.push_back(row);
        return rows;
    }

  private slots:
    void initTestCase() {
        document_ =
            test::loadDocument(QString::fromStdString(test::analysis_fixture("massive.h5")));
        QVERIFY(document_);
        expected_ = test::analysis_json("massive.expected.json")["sites"].toArray();
        QCOMPARE(expected_.size(), 4);
    }

    void theButtonSelectsTheFlaggedTokens() {
        MassiveView view;
        view.resize(1000, 700);
        QSignalSpy shown(&view, &MassiveView::reportsShown);
        view.setDocument(document_.get());
        QVERIFY(!view.selectButton()->isEnabled());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 10000);
        QVERIFY(view.selectButton()->isEnabled());
        for (int site = 0; site < 4; ++site) {
            document_->setCurrentSite(SiteIndex(site));
            document_->selection()->clear();
            QTest::mouseClick(view.selectButton(), Qt::LeftButton);
            const double threshold = expected_[site].toObject()["threshold"].toDouble();
            const std::vector<Index> wanted = flaggedRows(site, threshold);
            QCOMPARE(std::int64_t(wanted.size()), view.reports()[size_t(site)].tokens_flagged);
            QCOMPARE(std::int64_t(wanted.size()),
                     expected_[site].toObject()["tokens_flagged"].toInteger());
            QTRY_COMPARE_WITH_TIMEOUT(document_->selection()->count(), Index(wanted.size()), 5000);
            QCOMPARE(document_->selection()->firstTokens(wanted.size() + 1), wanted);
        }
        // Site 2: the 8 first tokens (2500, −1800) and the 900 at row 100; the 300 at row 77 is
        // under 1000 × median |x|.
        QCOMPARE(flaggedRows(2, expected_[2].toObject()["threshold"].toDouble()).size(),
                 std::size_t(9));
    }

    void theEnergyShareHistogramCountsEveryToken() {
        MassiveView view;
        view.resize(1000, 700);
        QSignalSpy shares(&view, &MassiveView::energySharesShown);
        view.setDocument(document_.get());
        document_->setCurrentSite(2);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY_WITH_TIMEOUT(view.energyShares().has_value(), 10000);
        const Histogram& histogram = *view.energyShares();
        const Eigen::VectorXd share = test::vector_of(expected_[2].toObject()["top1_energy_share"]);
        std::int64_t total = 0, dominated = 0;
        for (std::size_t bin = 0; bin < histogram.counts.size(); ++bin) {
            total += histogram.counts[bin];
            if (histogram.bin_low(int(bin)) >= 0.5) dominated += histogram.counts[bin];
        }
        QCOMPARE(total, std::int64_t(share.size()));
        QCOMPARE(dominated, std::int64_t((share.array() >= 0.5).count()));
        QVERIFY(dominated >= 8);  // the first tokens' 2500 holds nearly all of ‖x‖²
        QVERIFY2(view.caption().contains("LLM.int8() outlier features") &&
                     view.caption().contains("): none."),
                 qPrintable(view.caption()));
        document_->setCurrentSite(0);
    }

    void thresholdsReflagTheTokens() {
        MassiveView view;
        QSignalSpy shown(&view, &MassiveView::reportsShown);
        view.setDocument(document_.get());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setThresholds({1000, 0});
        QTRY_VERIFY_WITH_TIMEOUT(!view.reports().empty(), 10000);
        document_->setCurrentSite(2);
        view.selectFlaggedTokens();
        // Only the planted 2500 and −1800 pass 1000: the 8 first tokens.
        QTRY_COMPARE_WITH_TIMEOUT(document_->selection()->count(), Index(8), 5000);
        QCOMPARE(document_->selection()->firstTokens(9), flaggedRows(2, 1000));
        document_->setCurrentSite(0);
    }
};

LNGEOM_WIDGETS_TEST_MAIN(TestMassiveSelection)
#include "test_massive_selection.moc"
