#include "widgets/ellipsoid/ellipsoid_view.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <vtkScalarBarActor.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>
#include <numbers>

#include "core/analysis/teaching_ellipse.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_description.h"
#include "widgets/document/token_selection.h"
#include "widgets/document/worker_results.h"
#include "widgets/ellipsoid/ellipsoid_scene.h"
#include "widgets/projection/cloud_interaction.h"
#include "widgets/projection/projection_cloud_actor.h"
#include "widgets/projection/projection_colours.h"
#include "widgets/step_through/normalization_scene.h"
#include "widgets/support/wrapping_row.h"
#include "widgets/vtk_hosting/scene_caption.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

constexpr double kMovingRenderScale = 0.5;
constexpr double kTeachingRange = 5.0;

QString number(double value, int digits = 3) {
    if (std::isnan(value)) return QStringLiteral("–");
    if (std::isinf(value)) return QStringLiteral("∞");
    return QString::number(value, 'g', digits);
}

QString percent(double share) { return QString::number(100.0 * share, 'f', 1) + '%'; }

double tiltDegrees(double cosine) {
    return std::acos(std::min(1.0, std::abs(cosine))) * 180.0 / std::numbers::pi;
}

// The summary's lines about γ's axes, the tilt and β, for a site or the teaching ellipse.
QString geometryLines(const EllipsoidSummary& summary, NormKind kind) {
    QString axes =
        QStringLiteral(
            "semi-axes sₖ (%1): min %2, median %3, max %4 · anisotropy %5 · "
            "effective axes %6")
            .arg(summary.axis_count)
            .arg(number(summary.axes_min), number(summary.axes_median), number(summary.axes_max),
                 number(summary.anisotropy), number(summary.effective_axes));
    if (summary.zero_gammas > 0)
        axes += QStringLiteral("\n%1 γᵢ = 0: %2 zero axes%3")
                    .arg(summary.zero_gammas)
                    .arg(summary.zero_axes)
                    .arg(summary.zero_gammas == 1 && kind == NormKind::LayerNorm
                             ? QStringLiteral(" (one zero γᵢ tilts the hyperplane to eᵢ⊥)")
                             : QString());
    if (kind == NormKind::RmsNorm)
        return axes + QStringLiteral(
                          "\nRMSNorm: no hyperplane; the axes are the coordinate "
                          "axes, centred at β (‖β‖ = %1)")
                          .arg(number(summary.beta_inplane));
    return axes + QStringLiteral(
                      "\nhyperplane nᵀz = 0, n = γ⁻¹: cos φ = %1 (%2° from 1⊥) · β: %3 off "
                      "it, %4 in it · 1ᵀβ/√d = %5")
                      .arg(number(summary.tilt_cos, 4), number(tiltDegrees(summary.tilt_cos), 3),
                           number(summary.beta_offplane), number(summary.beta_inplane),
                           number(summary.beta_uniform));
}

}  // namespace

std::string ellipsoidAxisName(const EllipsoidPicture& picture, int a) {
    const Index k = picture.axis_index[size_t(a)];
    const QString which = picture.kind == NormKind::RmsNorm
                              ? QStringLiteral("e%1").arg(k)
                              : QStringLiteral("v%1").arg(picture.summary.axis_count - k);
    return QStringLiteral("%1 (s = %2)").arg(which, number(picture.lengths(a))).toStdString();
}

EllipsoidView::EllipsoidView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { requestPicture(); },
                                           [this](QObject*) {
                                               recolour();
                                               updateMarkers();
                                               scene_->requestRender();
                                           }})),
      scene_(new VtkViewWidget(this)),
      points_(std::make_unique<ProjectionCloudActor>()),
      surface_(std::make_unique<EllipsoidSurface>()),
      curves_(std::make_unique<TeachingCurves>()),
      caption_(std::make_unique<SceneCaption>()) {
    buildControls();
    connect(new ClickWatcher(scene_), &ClickWatcher::clicked, this, [this](QPoint position) {
        const Index token = tokenAt(position);
        if (token >= 0 && document())
            document()->selection()->setTokens(std::span<const Index>(&token, 1), this);
    });
    simplifyWhileMoving(scene_, points_.get(), kMovingRenderScale);
    // A scalar bar's first layout in a new window puts its labels over the bar (VTK 9.1); the
    // projection hides that by drawing the bar empty first, but this view usually first renders
    // in a tab raised after its colours are set. One more layout after the first frame.
    connect(
        scene_, &VtkViewWidget::rendered, this,
        [this] {
            if (colourBarLaidOutAgain_ || !picture_) return;
            colourBarLaidOutAgain_ = true;
            points_->colourBar()->Modified();
            scene_->requestRender();
        },
        Qt::QueuedConnection);
    syncControls();
    rebuildScene(false);
}

EllipsoidView::~EllipsoidView() { worker_.cancel(); }

void EllipsoidView::buildControls() {
    axesBox_ = new QComboBox(this);
    axesBox_->addItems({tr("three largest axes"), tr("three most occupied axes")});
    colourBox_ = new QComboBox(this);
    colourBox_->addItems({tr("share on these axes"), tr("shell depth 1 − ρ"), tr("selection")});
    teachingBox_ = new QCheckBox(tr("Teaching (d = 3)"), this);
    teachingBox_->setToolTip(
        tr("Edit γ and β of a LayerNorm in R³ and watch the circle of 1⊥ "
           "and the √3-sphere become the ellipse γ⊙y + β."));
    auto* controls = new WrappingRow(this);
    QHBoxLayout* shown = controls->addGroup();
    shown->addWidget(new QLabel(tr("Show"), this));
    shown->addWidget(axesBox_);
    QHBoxLayout* look = controls->addGroup();
    look->addWidget(new QLabel(tr("Colour"), this));
    look->addWidget(colourBox_);
    look->addWidget(teachingBox_);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    teachingControls_ = buildTeachingControls();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(controls);
    layout->addWidget(teachingControls_);
    layout->addWidget(scene_, 1);
    layout->addWidget(summary_);
    connect(axesBox_, &QComboBox::activated, this, [this](int index) {
        EllipsoidSettings changed = settings_;
        changed.axes = AxisChoice(index);
        setSettings(changed);
    });
    connect(colourBox_, &QComboBox::activated, this, [this](int index) {
        EllipsoidSettings changed = settings_;
        changed.colour = EllipsoidColour(index);
        setSettings(changed);
    });
    connect(teachingBox_, &QCheckBox::clicked, this, [this](bool on) {
        EllipsoidSettings changed = settings_;
        changed.teaching = on;
        setSettings(changed);
    });
}

QWidget* EllipsoidView::buildTeachingControls() {
    auto* row = new WrappingRow(this);
    const auto spinBox = [this](double value) {
        auto* box = new QDoubleSpinBox(this);
        box->setRange(-kTeachingRange, kTeachingRange);
        box->setSingleStep(0.1);
        box->setDecimals(2);
        box->setValue(value);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this] {
            EllipsoidSettings changed = settings_;
            for (int i = 0; i < 3; ++i) {
                changed.teachingGamma(i) = gammaBoxes_[i]->value();
                changed.teachingBeta(i) = betaBoxes_[i]->value();
            }
            if (!(changed == settings_)) setSettings(changed);
        });
        return box;
    };
    QHBoxLayout* gamma = row->addGroup();
    gamma->addWidget(new QLabel(QStringLiteral("γ"), this));
    for (int i = 0; i < 3; ++i)
        gamma->addWidget(gammaBoxes_[i] = spinBox(settings_.teachingGamma(i)));
    QHBoxLayout* beta = row->addGroup();
    beta->addWidget(new QLabel(QStringLiteral("β"), this));
    for (int i = 0; i < 3; ++i) beta->addWidget(betaBoxes_[i] = spinBox(settings_.teachingBeta(i)));
    return row;
}

void EllipsoidView::syncControls() {
    axesBox_->setCurrentIndex(int(settings_.axes));
    colourBox_->setCurrentIndex(int(settings_.colour));
    teachingBox_->setChecked(settings_.teaching);
    teachingControls_->setVisible(settings_.teaching);
    axesBox_->setEnabled(!settings_.teaching);
    colourBox_->setEnabled(!settings_.teaching);
    for (int i = 0; i < 3; ++i) {
        const QSignalBlocker gammaBlocker(gammaBoxes_[i]), betaBlocker(betaBoxes_[i]);
        gammaBoxes_[i]->setValue(settings_.teachingGamma(i));
        betaBoxes_[i]->setValue(settings_.teachingBeta(i));
    }
}

void EllipsoidView::setDocument(DumpDocument* document) {
    picture_.reset();
    binding_->setDocument(document);
}

DumpDocument* EllipsoidView::document() const { return binding_->document(); }

void EllipsoidView::setSettings(const EllipsoidSettings& settings) {
    const bool samePicture = settings.axes == settings_.axes &&
                             settings.maxPoints == settings_.maxPoints &&
                             settings.teaching == settings_.teaching;
    settings_ = settings;
    syncControls();
    if (settings_.teaching)
        showTeaching();
    else if (samePicture && picture_)
        recolour();
    else
        requestPicture();
    scene_->requestRender();
    emit settingsChanged();
}

void EllipsoidView::requestPicture() {
    const int generation = ++generation_;
    if (settings_.teaching) return showTeaching();
    if (!binding_->isReady()) {
        summary_->setText(document() ? tr("Waiting for the metrics…")
                                     : tr("Open a dump, or use the d = 3 teaching mode."));
        return;
    }
    EllipsoidPictureRequest request;
    request.site = document()->currentSite();
    request.axes = settings_.axes;
    request.max_points = settings_.maxPoints;
    submitForResult(
        worker_, this, "the γ-ellipsoid",
        [request, dump = document()->dump()](const std::atomic<bool>& cancel) {
            return std::make_shared<const EllipsoidPicture>(
                compute_ellipsoid_picture(*dump, request, &cancel));
        },
        [this, generation](std::shared_ptr<const EllipsoidPicture> picture) {
            showPicture(generation, std::move(picture));
        },
        [this, generation](const QString& message) { showFailure(generation, message); });
}

// Dump mode draws in the ellipsoid's own frame; teaching mode in R³ with the normalization
// frame of the other views (1 up, the disc of 1⊥, the √3 sphere).
void EllipsoidView::rebuildScene(bool teaching) {
    vtkRenderer* renderer = scene_->renderer();
    renderer->RemoveAllViewProps();
    if (teaching) {
        addNormalizationFrame(renderer, std::sqrt(3.0));
        curves_->addTo(renderer);
    } else {
        renderer->SetBackground(0.12, 0.13, 0.16);
        renderer->SetUseFXAA(true);
        surface_->addTo(renderer);
        points_->addTo(renderer);
        // Placed (so laid out again) at every resize: a bar laid out while the tab was hidden
        // kept that size's label positions, over the bar.
        caption_->keepAbove(points_->colourBar());
    }
    caption_->addTo(renderer);
    sceneMode_ = teaching ? 1 : 0;
}

void EllipsoidView::showPicture(int generation, std::shared_ptr<const EllipsoidPicture> picture) {
    if (generation != generation_ || !document() || settings_.teaching) return;
    picture_ = std::move(picture);
    if (sceneMode_ != 0) rebuildScene(false);
    surface_->set(picture_->lengths, picture_->centre,
                  {ellipsoidAxisName(*picture_, 0), ellipsoidAxisName(*picture_, 1),
                   ellipsoidAxisName(*picture_, 2)});
    points_->setPoints(picture_->points, picture_->lengths.maxCoeff() * 0.01);
    recolour();
    updateMarkers();
    const QString text = summaryText();
    caption_->setText(text.section('\n', 0, 0).toStdString());
    summary_->setText(text.section('\n', 1));
    {
        vtkRenderer* renderer = scene_->renderer();
        vtkCamera* camera = renderer->GetActiveCamera();
        const Eigen::Vector3d& c = picture_->centre;
        camera->SetFocalPoint(c.x(), c.y(), c.z());
        camera->SetPosition(c.x() + 3, c.y() - 3, c.z() + 1.8);
        camera->SetViewUp(0, 0, 1);
        renderer->ResetCamera();
        camera->Dolly(1.2);
        renderer->ResetCameraClippingRange();
    }
    scene_->requestRender();
    emit pictureShown();
}

void EllipsoidView::showFailure(int generation, const QString& message) {
    if (generation != generation_) return;
    summary_->setText(message);
    emit failed(message);
}

void EllipsoidView::showTeaching() {
    if (!settings_.teaching) return;
    ++generation_;
    const bool reframe = sceneMode_ != 1;
    if (reframe) rebuildScene(true);
    const TeachingEllipse teaching =
        teaching_ellipse(settings_.teachingGamma, settings_.teachingBeta);
    curves_->set(teaching, settings_.teachingBeta);
    const QString text = summaryText();
    caption_->setText(text.section('\n', 0, 0).toStdString());
    summary_->setText(text.section('\n', 1));
    if (reframe) frameNormalizationCamera(scene_->renderer(), 2.5);
    scene_->requestRender();
}

QString EllipsoidView::summaryText() const {
    if (settings_.teaching) {
        const Eigen::Vector3d& g = settings_.teachingGamma;
        const Eigen::Vector3d& b = settings_.teachingBeta;
        const TeachingEllipse teaching = teaching_ellipse(g, b);
        return QStringLiteral(
                   "d = 3: the circle y ⊥ 1, ‖y‖ = √3 (white) becomes the ellipse "
                   "γ⊙y + β (orange), γ = (%1, %2, %3), β = (%4, %5, %6); its plane's "
                   "normal n = γ⁻¹ in green\n")
                   .arg(g(0))
                   .arg(g(1))
                   .arg(g(2))
                   .arg(b(0))
                   .arg(b(1))
                   .arg(b(2)) +
               geometryLines(teaching.summary, NormKind::LayerNorm);
    }
    if (!picture_ || !document()) return {};
    const EllipsoidPicture& p = *picture_;
    const SiteInfo& site = document()->info().sites[p.request.site];
    QString text = QStringLiteral("site %1 · %2 (layer %3, %4) · d = %5 · %6 · %7 tokens%8\n")
                       .arg(QString::fromStdString(site.key), QString::fromStdString(site.module))
                       .arg(site.layer)
                       .arg(QString::fromStdString(site.site))
                       .arg(p.d)
                       .arg(p.kind == NormKind::RmsNorm ? "RMSNorm" : "LayerNorm")
                       .arg(p.tokens.size())
                       .arg(p.has_gamma ? QString() : tr(" · no γ stored: γ = 1, a sphere"));
    text += QStringLiteral(
                "drawn: %1, %2, %3 — on average %4, %5, %6 of each token's ρ² · "
                "outputs' 1ᵀ(z + β)/√d = %7 ± %8\n")
                .arg(QString::fromStdString(ellipsoidAxisName(p, 0)),
                     QString::fromStdString(ellipsoidAxisName(p, 1)),
                     QString::fromStdString(ellipsoidAxisName(p, 2)), percent(p.mean_occupancy(0)),
                     percent(p.mean_occupancy(1)), percent(p.mean_occupancy(2)),
                     number(p.output_uniform_mean), number(p.output_uniform_std));
    return text + geometryLines(p.summary, p.kind);
}

void EllipsoidView::recolour() {
    if (!picture_ || !document() || settings_.teaching) return;
    points_->setColours(pointColours());
}

PointColours EllipsoidView::pointColours() const {
    if (!picture_ || !document()) return {};
    const EllipsoidPicture& p = *picture_;
    PointColours colours;
    switch (settings_.colour) {
        case EllipsoidColour::Selection:
            colours = widgets::pointColours(ProjectionColour::Selection,
                                            colourSource(*document(), p.request.site), p.tokens);
            break;
        case EllipsoidColour::ShellDepth: {
            colours.values = p.shell_depth;
            colours.low = 0;
            colours.high = 0;
            for (float depth : p.shell_depth) colours.high = std::max(colours.high, double(depth));
            if (!(colours.high > 0)) colours.high = 1e-9;
            colours.title = "shell depth\n1 − ρ";  // one line is wider than the bar's room
            colours.labelFormat = "%.2g";
            break;
        }
        case EllipsoidColour::AxisShare:
            colours.values.resize(p.tokens.size());
            for (std::size_t t = 0; t < p.tokens.size(); ++t)
                colours.values[t] = p.occupancy.row(Index(t)).sum();
            colours.low = 0;
            colours.high = 1;
            colours.title = "share on axes";
            colours.labelFormat = "%.2f";
            break;
    }
    return colours;
}

void EllipsoidView::updateMarkers() {
    if (!picture_ || !document() || !document()->selection()) return;
    points_->setHighlighted(
        selectedPoints(picture_->points, picture_->tokens, *document()->selection()));
}

Index EllipsoidView::tokenAt(QPoint position) const {
    if (!picture_ || settings_.teaching) return -1;
    return tokenUnderMouse(scene_, picture_->points, picture_->tokens, position);
}

}  // namespace lngeom::widgets
