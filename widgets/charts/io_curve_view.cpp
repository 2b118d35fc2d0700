#include "widgets/charts/io_curve_view.h"

#include <vtkAxis.h>
#include <vtkChartXY.h>
#include <vtkColorTransferFunction.h>
#include <vtkImageData.h>
#include <vtkPlotHistogram2D.h>
#include <vtkPlotLine.h>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/analysis/sampled_runs.h"
#include "core/charts/site_labels.h"
#include "widgets/charts/chart_colour_bar.h"
#include "widgets/charts/chart_plots.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/document/dump_document.h"

namespace lngeom::widgets {
namespace {

const QColor kFitColour(215, 60, 40);
// The tokens of the smallest, median and largest σ: steep, middling, flat.
const std::array<QColor, 3> kLineColours{QColor(40, 150, 70), QColor(150, 90, 190),
                                         QColor(230, 150, 20)};
const std::array<std::string, 3> kLineNames{"smallest", "median", "largest"};
constexpr int kFitSamples = 200;
// The channels of the largest |x|, in the order of their peaks: Tableau's categorical colours
// without its red (the fit's) and grey (the other channels').
const std::array<QColor, kIoCurveChannels> kChannelColours{
    QColor(78, 121, 167), QColor(242, 142, 43),  QColor(118, 183, 178), QColor(89, 161, 79),
    QColor(237, 201, 72), QColor(176, 122, 161), QColor(255, 157, 167), QColor(156, 117, 95)};
const QColor kOtherChannels(175, 175, 175);
// The two-line title, the axis and a legend of ten entries below the plot (by channel) leave
// the plot too little height to read below this (at 1280 × 800); the dock scrolls instead.
constexpr int kChartMinHeight = 480;
// viridis at 0, ¼, ½, ¾, 1: perceptually even, readable in grey and by colour-blind readers.
const std::array<std::array<double, 3>, 5> kViridis{{{0.267, 0.005, 0.329},
                                                     {0.229, 0.322, 0.546},
                                                     {0.128, 0.567, 0.551},
                                                     {0.369, 0.789, 0.383},
                                                     {0.993, 0.906, 0.144}}};
constexpr float kPointSize = 3.0f;

std::string number(double value, int digits = 3) {
    return QString::number(value, 'g', digits).toStdString();
}

QString count(Index value) { return QLocale(QLocale::English).toString(qlonglong(value)); }

// y over [low, high] on kFitSamples points.
std::pair<std::vector<double>, std::vector<double>> curveOver(double low, double high,
                                                              auto function) {
    std::vector<double> xs(kFitSamples), ys(kFitSamples);
    for (int k = 0; k < kFitSamples; ++k) {
        xs[std::size_t(k)] = low + (high - low) * k / (kFitSamples - 1);
        ys[std::size_t(k)] = function(xs[std::size_t(k)]);
    }
    return {xs, ys};
}

std::string outputTitle(NormKind kind) {
    return kind == NormKind::RmsNorm ? "output x / √(mean x² + ε)" : "output (x − μ) / √(σ² + ε)";
}

// viridis over [low, high] (widened when they are equal).
vtkSmartPointer<vtkColorTransferFunction> sequentialColours(double low, double high) {
    if (!(high > low)) low -= 0.5, high += 0.5;
    auto colours = vtkSmartPointer<vtkColorTransferFunction>::New();
    for (std::size_t k = 0; k < kViridis.size(); ++k)
        colours->AddRGBPoint(low + (high - low) * double(k) / double(kViridis.size() - 1),
                             kViridis[k][0], kViridis[k][1], kViridis[k][2]);
    return colours;
}

// The group's points' inputs and outputs.
std::pair<std::vector<double>, std::vector<double>> pointsOf(const IoCurveSample& sample,
                                                             const IoCurveGroup& group) {
    std::vector<double> xs, ys;
    for (Index j : group.points) {
        xs.push_back(sample.points.input(j));
        ys.push_back(sample.points.output(j));
    }
    return {xs, ys};
}

const std::array<std::pair<IoCurveColouring, const char*>, 3> kColouringLabels{{
    {IoCurveColouring::Density, QT_TRANSLATE_NOOP("IoCurveView", "density")},
    {IoCurveColouring::Channel, QT_TRANSLATE_NOOP("IoCurveView", "by channel")},
    {IoCurveColouring::Token, QT_TRANSLATE_NOOP("IoCurveView", "by token")},
}};

}  // namespace

std::string ioCurveInputTitle() { return "input xₜ,ᵢ"; }

std::string ioCurveFinding(const IoCurveSample& sample) {
    if (sample.fit.points == 0) return "no token of this site can be standardized";
    return "tanh(α·x) fit: α = " + number(sample.fit.alpha, 4) + ", RMS residual " +
           number(sample.fit.residual_rms, 3);
}

IoCurveView::IoCurveView(QWidget* parent)
    : QWidget(parent),
      job_(this, "the input-output curve",
           {.reset =
                [this] {
                    sample_.reset();
                    failure_.clear();
                },
            .read = [this]() -> DeferredViewJob<IoCurveSample>::Read {
                return [dump = document()->dump(),
                        site = document()->currentSite()](const std::atomic<bool>* cancel) {
                    return sample_io_curve(*dump, site, kIoCurvePoints, cancel);
                };
            },
            .apply = [this](IoCurveSample sample) { showSample(std::move(sample)); },
            .failed =
                [this](const QString& message) {
                    failure_ = message;
                    redraw();
                    emit failed(message);
                },
            .redraw = [this] { redraw(); }}),
      colouringBox_(new QComboBox),
      chart_(new ChartView(this)),
      caption_(new QLabel) {
    job_.binding().showStateOver(chart_);
    caption_->setWordWrap(true);
    caption_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(makeControls());
    chart_->setMinimumHeight(kChartMinHeight);
    layout->addWidget(chart_, 1);
    layout->addWidget(caption_);
    connect(chart_, &ChartView::coloursChanged, this, &IoCurveView::redraw);
    job_.refresh();
}

IoCurveView::~IoCurveView() = default;

QWidget* IoCurveView::makeControls() {
    for (const auto& [colouring, label] : kColouringLabels)
        colouringBox_->addItem(tr(label), int(colouring));
    colouringBox_->setToolTip(
        tr("Colour the points by their density, by channel (the %1 channels of the largest |x| "
           "in colours of their own) or by token (each token's σₜ; its line has slope 1/σₜ).")
            .arg(kIoCurveChannels));
    connect(colouringBox_, &QComboBox::activated, this,
            [this] { setColouring(IoCurveColouring(colouringBox_->currentData().toInt())); });
    auto* controls = new QWidget;
    auto* row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Colour:")));
    row->addWidget(colouringBox_);
    row->addStretch(1);
    return controls;
}

void IoCurveView::setColouring(IoCurveColouring colouring) {
    if (colouring == colouring_) return;
    colouring_ = colouring;
    colouringBox_->setCurrentIndex(colouringBox_->findData(int(colouring)));
    redraw();
}

void IoCurveView::setDocument(DumpDocument* document) { job_.setDocument(document); }

DumpDocument* IoCurveView::document() const { return job_.document(); }

void IoCurveView::computeNow() { job_.computeNow(); }

void IoCurveView::showSample(IoCurveSample sample) {
    sample_ = std::move(sample);
    redraw();
    emit sampleShown();
}

Eigen::MatrixXd IoCurveView::cellValues() const {
    if (!sample_ || sample_->density.counts.size() == 0) return {};
    return (1.0 + sample_->density.counts.array()).log10().matrix();
}

QString IoCurveView::caption() const {
    if (!failure_.isEmpty())
        return tr("The input–output curve could not be read: %1").arg(failure_);
    if (!job_.isReady()) return {};
    if (job_.isDeferred()) return tr("Shown once the view is raised.");
    if (!sample_) return tr("Reading the current site's tokens…");
    const IoCurveSample& s = *sample_;
    if (s.fit.points == 0)
        return tr("%1 holds %2 tokens, none with a standardization (non-finite, or constant "
                  "with ε = 0): nothing to draw.")
            .arg(QString::fromStdString(site_label(document()->info().sites[s.site])))
            .arg(count(s.n_tokens));
    QString text = s.sampled()
                       ? tr("A sample: %1 of the site's %2 tokens, in %3 evenly spread runs")
                             .arg(count(s.tokens_read), count(s.n_tokens))
                             .arg(kSampledRuns)
                       : tr("All %1 tokens").arg(count(s.n_tokens));
    text += tr(" × %1 channels = %2 points").arg(count(s.d), count(s.fit.points));
    if (s.points_outside > 0)
        text += tr(" (%1 beyond the plotted central 99.8 %)").arg(count(s.points_outside));
    text += tr(". Each token is a line of slope 1/√(σₜ² + ε)");
    Index drawn = 0;
    for (const IoCurveGroup& group : groups_) drawn += Index(group.points.size());
    switch (colouring_) {
        case IoCurveColouring::Density:
            return text + tr("; dashed: the tokens of the smallest, median and largest σₜ.");
        case IoCurveColouring::Channel:
            return text + tr("; drawn: %1 of the points, the %2 channels of the largest |x| in "
                             "colours of their own, every other channel in grey.")
                              .arg(count(drawn))
                              .arg(std::max<Index>(0, Index(groups_.size()) - 1));
        case IoCurveColouring::Token:
            break;
    }
    return text + tr("; drawn: %1 of the points, of %2 tokens spread evenly from the smallest "
                     "to the largest σₜ, coloured by their σₜ.")
                      .arg(count(drawn), count(Index(groups_.size())));
}

void IoCurveView::redraw() {
    vtkChartXY* chart = chart_->chart();
    chart->ClearPlots();
    chart_->colourBar()->show(nullptr, {});
    groups_.clear();
    if (sample_ && colouring_ == IoCurveColouring::Channel)
        groups_ = io_curve_channel_groups(*sample_);
    else if (sample_ && colouring_ == IoCurveColouring::Token)
        groups_ = io_curve_token_groups(*sample_);
    caption_->setText(caption());
    if (!sample_ || sample_->fit.points == 0) {
        chart->SetTitle(!failure_.isEmpty() ? "The input–output curve could not be read"
                        : sample_           ? ioCurveFinding(*sample_)
                        : job_.isReady()    ? "Reading the current site's tokens…"
                                            : "No metrics yet");
        chart->SetShowLegend(false);
        chart_->requestRender();
        return;
    }
    switch (colouring_) {
        case IoCurveColouring::Density:
            drawDensity();
            drawLines();
            break;
        case IoCurveColouring::Channel:
            drawChannels();
            break;
        case IoCurveColouring::Token:
            drawTokens();
            break;
    }
    drawFit();
    const IoCurveSample& s = *sample_;
    chart->SetTitle("Input–output curve at " + site_label(document()->info().sites[s.site]) + ": " +
                    ioCurveFinding(s));
    chart->SetShowLegend(true);
    setFixedAxis(chart->GetAxis(vtkAxis::BOTTOM), ioCurveInputTitle(), s.density.x_low,
                 s.density.x_high);
    setFixedAxis(chart->GetAxis(vtkAxis::LEFT), outputTitle(s.kind), s.density.y_low,
                 s.density.y_high);
    chart_->requestRender();
}

void IoCurveView::drawDensity() {
    const Density2D& density = sample_->density;
    const Eigen::MatrixXd cells = cellValues();
    vtkNew<vtkImageData> image;
    image->SetDimensions(int(cells.cols()), int(cells.rows()), 1);
    const double width = (density.x_high - density.x_low) / double(cells.cols());
    const double height = (density.y_high - density.y_low) / double(cells.rows());
    image->SetOrigin(density.x_low, density.y_low, 0.0);
    image->SetSpacing(width, height, 1.0);
    image->AllocateScalars(VTK_DOUBLE, 1);
    auto* scalars = static_cast<double*>(image->GetScalarPointer());
    for (Index row = 0; row < cells.rows(); ++row)
        for (Index column = 0; column < cells.cols(); ++column)
            scalars[row * cells.cols() + column] = cells(row, column);
    vtkNew<vtkPlotHistogram2D> plot;
    plot->SetInputData(image);
    const auto colours = heatmapCellColours(std::max(cells.maxCoeff(), 1e-12));
    plot->SetTransferFunction(colours);
    chart_->colourBar()->show(colours, "log₁₀(1 + points in the cell)");
    plot->SetLegendVisibility(false);
    chart_->chart()->AddPlot(plot);
}

void IoCurveView::drawLines() {
    const IoCurveSample& s = *sample_;
    const double low = s.density.x_low, high = s.density.x_high;
    vtkChartXY* chart = chart_->chart();
    for (std::size_t k = 0; k < s.lines.size(); ++k) {
        const IoCurveLine& line = s.lines[k];
        const double from = std::max(low, line.x_low), to = std::min(high, line.x_high);
        if (!(to > from)) continue;
        const auto [xs, ys] =
            curveOver(from, to, [&](double x) { return (x - line.centre) / line.scale; });
        const std::string which =
            s.lines.size() == kLineNames.size() ? " (" + kLineNames[k] + " σ)" : "";
        addLine(chart, xs, ys, {kLineColours[k], 1.5f, true})
            ->SetLabel("token " + std::to_string(line.token) + which);
    }
}

void IoCurveView::drawFit() {
    const IoCurveSample& s = *sample_;
    const double low = s.density.x_low, high = s.density.x_high;
    const double alpha = s.fit.alpha;
    const auto [xs, ys] = curveOver(low, high, [alpha](double x) { return std::tanh(alpha * x); });
    addLine(chart_->chart(), xs, ys, {kFitColour, 2.5f, false})
        ->SetLabel("tanh(" + number(alpha, 3) + "·x)");
}

// The other channels first, so that the coloured ones are drawn over them; then the coloured
// ones largest peak first, the order their legend lists them in.
void IoCurveView::drawChannels() {
    vtkChartXY* chart = chart_->chart();
    const auto draw = [&](const IoCurveGroup& group, const QColor& colour, std::string label) {
        const auto [xs, ys] = pointsOf(*sample_, group);
        if (!xs.empty())
            addPoints(chart, xs, ys, {colour, kPointSize, nullptr, {}})->SetLabel(label);
    };
    for (const IoCurveGroup& group : groups_)
        if (group.key < 0) draw(group, kOtherChannels, "other channels");
    std::size_t rank = 0;
    for (const IoCurveGroup& group : groups_) {
        if (group.key < 0) continue;
        draw(group, kChannelColours[rank++ % kIoCurveChannels],
             "channel " + std::to_string(group.key) + " (max |x| " + number(group.value, 3) + ")");
    }
}

// One plot of every drawn token's points, each coloured by log₁₀ of its √(σₜ² + ε).
void IoCurveView::drawTokens() {
    std::vector<double> xs, ys, values;
    double low = INFINITY, high = -INFINITY;
    for (const IoCurveGroup& group : groups_) {
        const double value = std::log10(group.value);
        low = std::min(low, value), high = std::max(high, value);
        const auto [groupXs, groupYs] = pointsOf(*sample_, group);
        xs.insert(xs.end(), groupXs.begin(), groupXs.end());
        ys.insert(ys.end(), groupYs.begin(), groupYs.end());
        values.insert(values.end(), groupXs.size(), value);
    }
    if (xs.empty()) return;
    const auto colours = sequentialColours(low, high);
    addPoints(chart_->chart(), xs, ys, {QColor(0, 0, 0), kPointSize, colours, values})
        ->SetLegendVisibility(false);
    chart_->colourBar()->show(colours, "log₁₀ σₜ of the token (slope 1/σₜ)");
}

}  // namespace lngeom::widgets
