#pragma once
// The LayerNorm input–output curve (Zhu, Chen, He, LeCun & Liu, "Transformers without
// Normalization", arXiv 2503.10622) at the current site: every channel's input xₜ,ᵢ against its
// standardized output (xₜ,ᵢ − μₜ)/√(σₜ² + ε) over a bounded sample of tokens, with the
// least-squares tanh(α·x) drawn over it and α and the residual in the title. Drawn as the
// density of the points (log-scaled counts) with the lines of the tokens of the smallest, median
// and largest σₜ — each token is a line of slope 1/√(σₜ² + ε), and together they bend into the
// S — or as points coloured by channel (the channels of the largest |x| in colours of their own)
// or by token (by its σₜ) (core/charts/io_curve_colouring.h). The sample is read on the view's
// worker once the view is shown (core/analysis/io_curve_sample.h).

#include <QWidget>

#include <optional>

#include "core/analysis/io_curve_sample.h"
#include "core/charts/io_curve_colouring.h"
#include "widgets/charts/chart_view.h"
#include "widgets/document/deferred_view_job.h"

class QComboBox;
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

    // What the points are coloured by: their density (the default), their channel or their token.
    void setColouring(IoCurveColouring colouring);
    IoCurveColouring colouring() const { return colouring_; }
    QComboBox* colouringBox() const { return colouringBox_; }
    // The coloured points as drawn (channel or token colouring; empty for the density).
    const std::vector<IoCurveGroup>& groups() const { return groups_; }

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
    void drawFit();
    void drawChannels();
    void drawTokens();
    QWidget* makeControls();

    DeferredViewJob<IoCurveSample> job_;
    QString failure_;
    std::optional<IoCurveSample> sample_;
    IoCurveColouring colouring_ = IoCurveColouring::Density;
    std::vector<IoCurveGroup> groups_;
    QComboBox* colouringBox_;
    ChartView* chart_;
    QLabel* caption_;
};

// "α = 0.41, RMS residual 0.12 over 65,536 points" (or why there is no fit): the figure's
// finding, in its title.
std::string ioCurveFinding(const IoCurveSample& sample);

// The bottom axis's title: "input xₜ,ᵢ".
std::string ioCurveInputTitle();

}  // namespace lngeom::widgets
