#include "widgets/projection/projection_view.h"

#include <vtkRenderer.h>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "widgets/document/document_binding.h"
#include "widgets/document/document_state.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_description.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/view_jobs.h"
#include "widgets/document/worker_results.h"
#include "widgets/projection/cloud_interaction.h"
#include "widgets/projection/projection_annotations.h"
#include "widgets/projection/projection_cloud_actor.h"
#include "widgets/projection/projection_colours.h"
#include "widgets/step_through/normalization_scene.h"
#include "widgets/support/state_overlay.h"
#include "widgets/support/wrapping_row.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

// The frame's axis reaches this many sphere radii; the camera fits at least that.
constexpr double kFrameReach = 1.5;
// A cloud whose reach changes by more than this factor gets the camera fitted again.
constexpr double kRefitRatio = 1.25;
constexpr double kFitMargin = 1.08;
// What one drawn point costs: its projected row and token, and VTK's point, scalar and colour.
constexpr std::size_t kBytesPerPoint = 64;

// A cloud takes at most a quarter of the document's memory budget: the rest is for the pass,
// sorts and the other views.
Index pointsWithinBudget(std::size_t budgetBytes) {
    return Index(std::max<std::size_t>(budgetBytes / 4 / kBytesPerPoint, 1));
}

QComboBox* comboBox(const QStringList& items, QWidget* parent) {
    auto* box = new QComboBox(parent);
    box->addItems(items);
    return box;
}

// Colouring by layer draws every site of the current site's kind, not the current site alone.
bool spansLayers(const ProjectionSettings& settings) {
    return settings.colour == ProjectionColour::Layer;
}

// "512 tokens", or "2,000,000 of 100,000,000 tokens, random subsample" when the site has more
// tokens than the view draws.
QString tokensDrawn(const ProjectedCloud& cloud) {
    const QLocale english(QLocale::English);
    if (!cloud.subsampled)
        return QStringLiteral("%1 tokens").arg(english.toString(qint64(cloud.tokens.size())));
    return QStringLiteral("%1 of %2 tokens, random subsample")
        .arg(english.toString(qint64(cloud.tokens.size())), english.toString(cloud.site_tokens));
}

// The caption's first line: the site drawn, or every site of its kind for a layer cloud.
QString shownSites(const DumpInfo& info, const ProjectedCloud& cloud) {
    const SiteInfo& site = info.sites[cloud.request.site];
    if (!cloud.layers.empty()) {
        const auto kind = sites_of_same_kind(info, cloud.request.site);
        return QStringLiteral("every %1 site (%2 sites, %3) in the basis of site %4 (layer %5)")
            .arg(QString::fromStdString(site.site.empty() ? site.key : site.site))
            .arg(kind.size())
            .arg(tokensDrawn(cloud))
            .arg(QString::fromStdString(site.key))
            .arg(site.layer);
    }
    return QStringLiteral("site %1 · %2 (layer %3, %4) · d = %5 · %6")
        .arg(QString::fromStdString(site.key), QString::fromStdString(site.module))
        .arg(site.layer)
        .arg(QString::fromStdString(site.site))
        .arg(site.d)
        .arg(tokensDrawn(cloud));
}

QString percent(double share) {
    return std::isnan(share) ? QStringLiteral("–") : QString::number(100.0 * share, 'f', 1) + '%';
}

}  // namespace

ProjectionView::ProjectionView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this,
          DocumentBinding::Callbacks{[this] { requestCloud(); },
                                     [this](QObject* source) { onSelectionChanged(source); }})),
      scene_(new VtkViewWidget(this)),
      points_(std::make_unique<ProjectionCloudActor>()),
      annotations_(std::make_unique<ProjectionAnnotations>()),
      colourJobs_(std::make_unique<ViewJobs>(this, "the 3D projection's colours")) {
    buildControls();
    state_ = new StateOverlay(scene_);
    connect(new ClickWatcher(scene_), &ClickWatcher::clicked, this, [this](QPoint position) {
        const Index token = tokenAt(position);
        if (token >= 0 && document())
            document()->selection()->setTokens(std::span<const Index>(&token, 1), this);
    });
    simplifyWhileMoving(scene_, points_.get(), kMovingRenderScale);
    drawWithinFrameBudget();
    rebuildFrame(1.0);
}

void ProjectionView::drawWithinFrameBudget() {
    connect(
        scene_, &VtkViewWidget::frameTimed, this,
        [this](double seconds) {
            const long stride = points_->stillStride();
            if (points_->adaptToStillFrame(seconds)) scene_->requestRender();
            if (cloud_ && points_->stillStride() != stride) updateCaption();
        },
        Qt::QueuedConnection);
    connect(scene_, &VtkViewWidget::captureStarting, this,
            [this] { points_->setFullDetail(true); });
    connect(scene_, &VtkViewWidget::captureFinished, this,
            [this] { points_->setFullDetail(false); });
}

ProjectionView::~ProjectionView() { worker_.cancel(); }

void ProjectionView::buildControls() {
    representationBox_ = comboBox({representationName(Representation::Input),
                                   representationName(Representation::LnStandardized),
                                   representationName(Representation::RmsStandardized),
                                   representationName(Representation::Output)},
                                  this);
    placementBox_ =
        comboBox({placementName(Placement::Linear), placementName(Placement::TrueRadius)}, this);
    colourBox_ =
        comboBox({colourName(ProjectionColour::AngleToUniform), colourName(ProjectionColour::Norm),
                  colourName(ProjectionColour::Position), colourName(ProjectionColour::Selection),
                  colourName(ProjectionColour::Layer)},
                 this);
    basisBox_ = comboBox({basisName(BasisChoice::Principal), basisName(BasisChoice::Coordinates),
                          basisName(BasisChoice::Token), basisName(BasisChoice::Random)},
                         this);
    basisLabel_ = new QLabel(this);
    selectionLabel_ = new QLabel(tr("Click a point to select its token."), this);
    selectionLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The captions wrap rather than widen the view past a laptop window's share.
    for (QLabel* caption : {basisLabel_, selectionLabel_}) caption->setWordWrap(true);
    auto* controls = new WrappingRow(this);
    QHBoxLayout* shown = controls->addGroup();
    shown->addWidget(new QLabel(tr("Show"), this));
    shown->addWidget(representationBox_);
    shown->addWidget(placementBox_);
    QHBoxLayout* look = controls->addGroup();
    look->addWidget(new QLabel(tr("Colour"), this));
    look->addWidget(colourBox_);
    look->addWidget(new QLabel(tr("Basis"), this));
    look->addWidget(basisBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(controls);
    layout->addWidget(scene_, 1);
    layout->addWidget(basisLabel_);
    layout->addWidget(selectionLabel_);
    connect(representationBox_, &QComboBox::activated, this,
            [this](int index) { setRepresentation(Representation(index)); });
    connect(placementBox_, &QComboBox::activated, this,
            [this](int index) { setPlacement(Placement(index)); });
    connect(colourBox_, &QComboBox::activated, this,
            [this](int index) { setColour(ProjectionColour(index)); });
    connect(basisBox_, &QComboBox::activated, this, [this](int index) {
        BasisRequest basis = settings_.basis;
        basis.choice = BasisChoice(index);
        setBasis(basis);
    });
}

// A new document's points are computed in their own basis.
void ProjectionView::setDocument(DumpDocument* document) {
    cloud_.reset();
    binding_->setDocument(document);
}

DumpDocument* ProjectionView::document() const { return binding_->document(); }

void ProjectionView::setSettings(const ProjectionSettings& settings) {
    const bool sameCloud = settings.representation == settings_.representation &&
                           settings.placement == settings_.placement &&
                           settings.basis == settings_.basis &&
                           settings.maxPoints == settings_.maxPoints &&
                           spansLayers(settings) == spansLayers(settings_);
    settings_ = settings;
    syncControls();
    if (sameCloud) {
        recolour();
        scene_->requestRender();
    } else {
        requestCloud();
    }
}

void ProjectionView::setRepresentation(Representation representation) {
    ProjectionSettings settings = settings_;
    settings.representation = representation;
    setSettings(settings);
}

void ProjectionView::setPlacement(Placement placement) {
    ProjectionSettings settings = settings_;
    settings.placement = placement;
    setSettings(settings);
}

void ProjectionView::setColour(ProjectionColour colour) {
    ProjectionSettings settings = settings_;
    settings.colour = colour;
    setSettings(settings);
}

void ProjectionView::setBasis(const BasisRequest& basis) {
    ProjectionSettings settings = settings_;
    settings.basis = basis;
    if (basis.choice == BasisChoice::Token && basis.token < 0 && document() &&
        !document()->selection()->isEmpty())
        settings.basis.token = document()->selection()->firstTokens(1).front();
    setSettings(settings);
}

void ProjectionView::syncControls() {
    representationBox_->setCurrentIndex(int(settings_.representation));
    placementBox_->setCurrentIndex(int(settings_.placement));
    colourBox_->setCurrentIndex(int(settings_.colour));
    basisBox_->setCurrentIndex(int(settings_.basis.choice));
}

// Reads and projects on the worker; the basis is reused while only the placement or the
// representation changes.
void ProjectionView::requestCloud() {
    const int generation = ++generation_;
    if (!binding_->isReady()) {
        cloud_.reset();
        state_->setMessage(documentStateMessage(document()));
        return;
    }
    CloudRequest request;
    request.site = document()->currentSite();
    request.representation = settings_.representation;
    request.placement = settings_.placement;
    request.basis = settings_.basis;
    request.max_points =
        std::min(settings_.maxPoints, pointsWithinBudget(document()->memoryBudget()));
    if (request.representation == Representation::Output &&
        !document()->info().sites[request.site].has_output) {
        showFailure(generation, tr("This site has no output stored; showing x instead."));
        request.representation = Representation::Input;
    }
    std::shared_ptr<const ProjectedCloud> previous = cloud_;
    const bool layers = spansLayers(settings_);
    const bool reuseBasis = !layers && previous && previous->layers.empty() &&
                            previous->request.site == request.site &&
                            previous->request.basis == request.basis;
    if (!cloud_)
        state_->setMessage(
            tr("Reading and projecting the vectors of site %1…")
                .arg(QString::fromStdString(document()->info().sites[request.site].key)));
    colourJobs_->cancel();
    submitForResult(
        worker_, this, "the 3D projection",
        [request, previous, reuseBasis, layers, dump = document()->dump(),
         colour = settings_.colour,
         source = colourSource(*document(), request.site)](const std::atomic<bool>& cancel) {
            auto cloud = std::make_shared<const ProjectedCloud>(
                layers       ? compute_layer_cloud(*dump, request, &cancel)
                : reuseBasis ? place_points(*dump, request, previous->basis, &cancel)
                             : compute_projected_cloud(*dump, request, &cancel));
            PointColours colours = cloudColours(colour, source, *cloud);
            return std::make_pair(std::move(cloud), std::move(colours));
        },
        [this, generation](std::pair<std::shared_ptr<const ProjectedCloud>, PointColours> drawn) {
            showCloud(generation, std::move(drawn.first), drawn.second);
        },
        [this, generation](const QString& message) {
            if (generation != generation_) return;
            cloud_.reset();
            state_->setMessage(tr("The points could not be read:\n%1").arg(message));
            showFailure(generation, message);
        });
}

void ProjectionView::showCloud(int generation, std::shared_ptr<const ProjectedCloud> cloud,
                               const PointColours& colours) {
    if (generation != generation_ || !document()) return;
    cloud_ = std::move(cloud);
    state_->setMessage({});
    rebuildFrame(cloud_->sphere_radius);
    points_->setPoints(cloud_->points, cloud_->sphere_radius * 0.012);
    fitCloud();
    annotations_->setAxes(cloud_->sphere_radius * 1.35, cloud_->basis.axis_names[0],
                          cloud_->basis.axis_names[1]);
    points_->setColours(colours);
    updateSelectionMarkers();
    updateCaption();
    scene_->requestRender();
    emit cloudShown();
}

void ProjectionView::showFailure(int generation, const QString& message) {
    if (generation != generation_) return;
    basisLabel_->setText(message);
    emit failed(message);
}

// The frame (axis, disc, sphere) is sized by √d: rebuilt, and the camera reframed, when d changes.
void ProjectionView::rebuildFrame(double radius) {
    if (radius == frameRadius_) return;
    frameRadius_ = radius;
    vtkRenderer* renderer = scene_->renderer();
    renderer->RemoveAllViewProps();
    addNormalizationFrame(renderer, radius);
    points_->addTo(renderer);
    annotations_->addTo(renderer);
    annotations_->keepBelowCaption(points_->colourBar());
    frameNormalizationCamera(renderer, radius);
    fittedReach_ = 0;
}

// The camera moves back (or closer) when the cloud's reach changes much, keeping its direction:
// a cloud far larger than the sphere (x at a hundred times √d) stays in the picture, and
// stepping between similar sites leaves the camera where the user put it.
void ProjectionView::fitCloud() {
    const double reach = std::max(
        kFrameReach * cloud_->sphere_radius,
        cloud_->points.rows() > 0 ? double(cloud_->points.rowwise().norm().maxCoeff()) : 0.0);
    if (fittedReach_ > 0 && reach < fittedReach_ * kRefitRatio &&
        reach * kRefitRatio > fittedReach_)
        return;
    fittedReach_ = reach;
    fitCameraToBall(scene_->renderer(), reach * kFitMargin);
}

// The colours of a large cloud are read on a worker; the points keep their colours meanwhile.
void ProjectionView::recolour() {
    if (!cloud_ || !binding_->isReady()) return;
    ColourSource source = colourSource(*document(), cloud_->request.site);
    const Index rows = cloud_->layers.empty() ? source.columns->n_tokens() : 0;
    colourJobs_->run<PointColours>(
        rows,
        [source = std::move(source), cloud = cloud_, colour = settings_.colour](
            const std::atomic<bool>&) { return cloudColours(colour, source, *cloud); },
        [this, cloud = cloud_](PointColours colours) {
            if (cloud != cloud_) return;
            points_->setColours(colours);
            scene_->requestRender();
            emit recoloured();
        },
        [this](const QString& message) { basisLabel_->setText(message); });
}

void ProjectionView::onSelectionChanged(QObject*) {
    if (settings_.colour == ProjectionColour::Selection) recolour();
    const std::vector<Index> first = document()->selection()->firstTokens(1);
    if (settings_.basis.choice == BasisChoice::Token && !first.empty() &&
        settings_.basis.token != first.front()) {
        BasisRequest basis = settings_.basis;
        basis.token = first.front();
        setBasis(basis);
    }
    updateSelectionMarkers();
    scene_->requestRender();
}

void ProjectionView::updateSelectionMarkers() {
    points_->setHighlighted(cloud_ && document() ? selectedPoints(cloud_->points, cloud_->tokens,
                                                                  *document()->selection())
                                                 : PointRows(0, 3));
    selectionLabel_->setText(selectionText());
}

QString ProjectionView::selectionText() const {
    if (!document() || document()->selection()->isEmpty())
        return tr("Click a point to select its token.");
    const Index count = document()->selection()->count();
    const QString first = describeToken(*document(), document()->currentSite(),
                                        document()->selection()->firstTokens(1).front());
    if (count == 1) return first;
    return tr("%1 tokens selected; first: %2")
        .arg(QLocale(QLocale::English).toString(count), first);
}

void ProjectionView::updateCaption() {
    const ProjectionBasis& basis = cloud_->basis;
    const QString where = shownSites(document()->info(), *cloud_);
    const QString what =
        QStringLiteral("%1 · %2").arg(representationFormula(cloud_->request.representation),
                                      placementName(cloud_->request.placement));
    const QString axes =
        QStringLiteral(
            "horizontal, in the hyperplane ⊥ 1: %1 (%2), %3 (%4) of the x⊥ variance\n"
            "vertical: û = 1/√d · sphere radius √d")
            .arg(QString::fromStdString(basis.axis_names[0]), percent(basis.variance_share(0)),
                 QString::fromStdString(basis.axis_names[1]), percent(basis.variance_share(1)));
    annotations_->setCaption((where + '\n' + what + '\n' + axes).toStdString());
    basisLabel_->setText(
        tr("Basis: %1 — %2 (%3) and %4 (%5) of the x⊥ variance, %6 in the picture")
            .arg(basisName(cloud_->request.basis.choice),
                 QString::fromStdString(basis.axis_names[0]), percent(basis.variance_share(0)),
                 QString::fromStdString(basis.axis_names[1]), percent(basis.variance_share(1)),
                 percent(basis.variance_share.sum())) +
        thinnedNote());
}

// Said beside the view, not in the scene's caption, which figures (drawn in full) carry too.
QString ProjectionView::thinnedNote() const {
    const long stride = points_->stillStride();
    if (stride <= 1) return {};
    const QLocale english(QLocale::English);
    return tr("\nDrawing 1 point in %1 (%2 of %3): this computer's OpenGL takes over %4 ms "
              "a frame for more; exported figures draw every point.")
        .arg(stride)
        .arg(english.toString(qint64(points_->stillPointCount())),
             english.toString(qint64(points_->pointCount())))
        .arg(std::lround(ProjectionCloudActor::kStillFrameSeconds * 1000));
}

Index ProjectionView::tokenAt(QPoint position) const {
    return cloud_ ? tokenUnderMouse(scene_, cloud_->points, cloud_->tokens, position,
                                    points_->stillStride())
                  : -1;
}

}  // namespace lngeom::widgets
