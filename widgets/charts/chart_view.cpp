#include "widgets/charts/chart_view.h"

#include <vtkAxis.h>
#include <vtkBrush.h>
#include <vtkChartLegend.h>
#include <vtkChartXY.h>
#include <vtkCommand.h>
#include <vtkContextInteractorStyle.h>
#include <vtkContextScene.h>
#include <vtkContextView.h>
#include <vtkDoubleArray.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkPen.h>
#include <vtkPlotBar.h>
#include <vtkRenderer.h>
#include <vtkTable.h>
#include <vtkTextProperty.h>
#include <QEvent>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "widgets/charts/chart_capture_scaling.h"
#include "widgets/charts/chart_colour_bar.h"
#include "widgets/charts/chart_text_layout.h"
#include "widgets/figures/vector_export.h"
#include "widgets/vtk_hosting/vtk_unicode_text.h"

namespace lngeom::widgets {
namespace {

vtkSmartPointer<vtkTable> barTable(const BarSeries& bars) {
    vtkNew<vtkDoubleArray> centres;
    centres->SetName("bin centre");
    vtkNew<vtkDoubleArray> heights;
    heights->SetName("height");
    for (std::size_t bin = 0; bin < bars.heights.size(); ++bin) {
        centres->InsertNextValue(0.5 * (bars.edges[bin] + bars.edges[bin + 1]));
        heights->InsertNextValue(bars.heights[bin]);
    }
    auto table = vtkSmartPointer<vtkTable>::New();
    table->AddColumn(centres);
    table->AddColumn(heights);
    return table;
}

// vtkChartXY sizes every bar from the spacing of the bar centres, so bins must be equal.
void requireEqualBins(const BarSeries& bars) {
    if (bars.heights.empty() || bars.edges.size() != bars.heights.size() + 1)
        throw std::invalid_argument("showBars: needs one more edge than heights, and a bin");
    const double width = bars.edges[1] - bars.edges[0];
    for (std::size_t bin = 0; bin < bars.heights.size(); ++bin) {
        const double binWidth = bars.edges[bin + 1] - bars.edges[bin];
        if (!(width > 0.0) || std::abs(binWidth - width) > 1e-9 * std::abs(width))
            throw std::invalid_argument("showBars: bins must be increasing and of equal width");
    }
}

// Titles, axis titles, tick labels and the legend in the text font, which has every symbol the
// metrics' labels use (VTK's bundled Arial drops σ and ‖).
void useTextFont(vtkChartXY* chart) {
    useUnicodeFont(chart->GetTitleProperties());
    for (int index = 0; index < 4; ++index) {
        useUnicodeFont(chart->GetAxis(index)->GetTitleProperties());
        useUnicodeFont(chart->GetAxis(index)->GetLabelProperties());
    }
    useUnicodeFont(chart->GetLegend()->GetLabelProperties());
}

void setAxis(vtkAxis* axis, const std::string& title, double minimum, double maximum) {
    axis->SetTitle(title);
    axis->GetTitleProperties()->SetFontSize(14);
    axis->GetLabelProperties()->SetFontSize(12);
    axis->SetRange(minimum, maximum);
    axis->SetBehavior(vtkAxis::FIXED);
}

}  // namespace

// Renders in a row that re-lay out the text because the axes moved; more would mean the layout
// does not settle, and the picture as it is stays.
constexpr int kMostRelayouts = 4;

ChartView::ChartView(QWidget* parent)
    : VtkViewWidget(parent), textLayout_(std::make_unique<ChartTextLayout>(chart_)) {
    contextView_->SetRenderWindow(renderWindow());
    contextView_->SetInteractor(interactor());
    vtkNew<vtkContextInteractorStyle> style;
    style->SetScene(contextView_->GetScene());
    interactor()->SetInteractorStyle(style);
    contextView_->GetScene()->AddItem(chart_);
    chart_->GetTitleProperties()->SetFontSize(16);
    useTextFont(chart_);
    // VTK's own tooltip speaks of its plot layers and stays drawn after the mouse leaves; the
    // views give Qt tooltips in their own words instead.
    chart_->SetTooltip(nullptr);
    applyColours();
    // The chart sizes bars as this fraction of the spacing of their centres: whole bins touch.
    chart_->SetBarWidthFraction(1.0f);
    colourBar_ = std::make_unique<ChartColourBar>(chart_, contextView_->GetScene());
    renderWindow()->AddObserver(vtkCommand::StartEvent, this, &ChartView::layOutText);
    renderWindow()->AddObserver(vtkCommand::EndEvent, this, &ChartView::checkLayout);
}

ChartView::~ChartView() = default;

vtkChartXY* ChartView::chart() const { return chart_; }

void ChartView::showBars(const BarSeries& bars, const ChartTitles& titles) {
    requireEqualBins(bars);
    chart_->ClearPlots();
    vtkPlot* plot = chart_->AddPlot(vtkChart::BAR);
    auto* barPlot = vtkPlotBar::SafeDownCast(plot);
    barPlot->SetInputData(barTable(bars), 0, 1);
    barPlot->SetColor(barColour_.redF(), barColour_.greenF(), barColour_.blueF());
    chart_->SetTitle(titles.chart);
    const double highest = *std::max_element(bars.heights.begin(), bars.heights.end());
    setAxis(chart_->GetAxis(vtkAxis::BOTTOM), titles.xAxis, bars.edges.front(), bars.edges.back());
    setAxis(chart_->GetAxis(vtkAxis::LEFT), titles.yAxis, 0.0, highest > 0 ? highest * 1.05 : 1.0);
    requestRender();
}

void ChartView::setBarColour(const QColor& colour) {
    barColour_ = colour;
    for (vtkIdType index = 0; index < chart_->GetNumberOfPlots(); ++index)
        chart_->GetPlot(index)->SetColor(colour.redF(), colour.greenF(), colour.blueF());
    requestRender();
}

void ChartView::setCategories(int axis, std::vector<std::string> labels) {
    textLayout_->setCategories(axis, std::move(labels));
    requestRender();
}

void ChartView::setLogarithmic(int axis, bool logarithmic) {
    textLayout_->setLogarithmic(axis, logarithmic);
}

std::string ChartView::fullTitle() const { return textLayout_->fullTitle(); }

void ChartView::layOutText() {
    const int* size = renderWindow()->GetSize();
    colourBar_->place(size[0], size[1], renderWindow()->GetDPI());
    textLayout_->apply(size[0], size[1], renderWindow()->GetDPI());
}

void ChartView::checkLayout() {
    const int* size = renderWindow()->GetSize();
    if (!textLayout_->placesChanged(size[0], size[1])) {
        relayouts_ = 0;
        return;
    }
    if (relayouts_++ < kMostRelayouts) requestRender();
}

void ChartView::settleLayout() {
    for (int render = 0; render <= kMostRelayouts; ++render) {
        const int before = relayouts_;
        grabImage(1.0);
        if (relayouts_ <= before) return;
    }
}

void ChartView::setFollowsPalette(bool follows) {
    followsPalette_ = follows;
    applyColours();
}

QColor ChartView::foreground() const {
    return followsPalette_ ? palette().color(QPalette::Text) : QColor(20, 20, 20);
}

void ChartView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange && followsPalette_) applyColours();
    VtkViewWidget::changeEvent(event);
}

void ChartView::applyColours() {
    const QColor background = followsPalette_ ? palette().color(QPalette::Base) : QColor(Qt::white);
    const QColor text = foreground();
    // The grid a quarter of the way from the background to the text: visible, never loud.
    const QColor grid = QColor::fromRgbF(float(0.75 * background.redF() + 0.25 * text.redF()),
                                         float(0.75 * background.greenF() + 0.25 * text.greenF()),
                                         float(0.75 * background.blueF() + 0.25 * text.blueF()));
    contextView_->GetRenderer()->SetBackground(background.redF(), background.greenF(),
                                               background.blueF());
    chart_->GetTitleProperties()->SetColor(text.redF(), text.greenF(), text.blueF());
    for (int position = 0; position < 4; ++position) {
        vtkAxis* axis = chart_->GetAxis(position);
        axis->GetTitleProperties()->SetColor(text.redF(), text.greenF(), text.blueF());
        axis->GetLabelProperties()->SetColor(text.redF(), text.greenF(), text.blueF());
        axis->GetPen()->SetColor(text.red(), text.green(), text.blue());
        axis->GetGridPen()->SetColor(grid.red(), grid.green(), grid.blue());
    }
    chart_->GetLegend()->GetLabelProperties()->SetColor(text.redF(), text.greenF(), text.blueF());
    chart_->GetLegend()->GetBrush()->SetColor(background.red(), background.green(),
                                              background.blue(), 200);
    emit coloursChanged();
    requestRender();
}

void ChartView::beginScaledCapture(double scale) {
    captureScaling_ = std::make_unique<ChartCaptureScaling>(chart_, scale);
}

void ChartView::endScaledCapture() { captureScaling_.reset(); }

bool ChartView::exportVector(const QString& path) {
    makeVtkContextCurrent();
    // The texts are ASCII placeholders now (figure_pdf_text.h): laid out already, not refitted.
    textLayout_->setFrozen(true);
    const bool written = exportVectorImage(renderWindow(), path.toStdString());
    textLayout_->setFrozen(false);
    requestRender();
    return written;
}

}  // namespace lngeom::widgets
