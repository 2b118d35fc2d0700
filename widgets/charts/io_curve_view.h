#pragma once
// The LayerNorm input–output curve (Zhu, Chen, He, LeCun & Liu, "Transformers without
// Normalization", arXiv 2503.10622) at the current site: the density of every channel's input
// x_{t,i} against its standardized output (x_{t,i} − μ_t)/√(σ_t² + ε) over a bounded sample of
// tokens (log-scaled counts), the least-squares tanh(α·x) drawn over it with α and the residual
// in the title, and the lines of the tokens with the smallest, median and largest σ_t: each
// token is a line of slope 1/√(σ_t² + ε), and together they bend into the S. The sample is read
// on the view's worker once the view is shown (core/analysis/io_curve_sample.h).

#include <QWidget>

#include <optional>

#include "core/analysis/io_curve_sample.h"
#include "widgets/charts/chart_view.h"
#include "widgets/document/deferred_view_job.h"

class QLabel;

namespace lngeom::widgets {

class DumpDocument;

class IoCurveView : public QWidget {
    Q_OBJECT
  public:
    explicit IoCurveView(QWidget* parent = nullptr);
    ~IoCurveView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    // Samples the current site now, on the calling thread (figures, tests); otherwise the view
    // does it on its worker once its document is ready and it is shown (deferred_view_job.h).
    // lngeom::Error from the dump.
    void computeNow();

    // The sample drawn; nullopt while there is none (loading, no document, a failure).
    const std::optional<IoCurveSample>& sample() const { return sample_; }
    // The density as drawn: log10(1 + count) per cell (rows from the lowest output).
    Eigen::MatrixXd cellValues() const;
    // What the sample is, in words (as below the chart).
    QString caption() const;
    ChartView* chartView() const { return chart_; }

  signals:
    void sampleShown();
    void failed(const QString& message);

  private:
    void showSample(IoCurveSample sample);
    void redraw();
    void drawDensity();
    void drawLines();

    DeferredViewJob<IoCurveSample> job_;
    QString failure_;
    std::optional<IoCurveSample> sample_;
    ChartView* chart_;
    QLabel* caption_;
};

// "α = 0.41, RMS residual 0.12 over 65,536 points" (or why there is no fit): the figure's
// finding, in its title.
std::string ioCurveFinding(const IoCurveSample& sample);

}  // namespace lngeom::widgets
