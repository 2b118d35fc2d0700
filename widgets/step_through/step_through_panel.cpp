#include "widgets/step_through/step_through_panel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cstddef>

#include "core/errors.h"
#include "widgets/document/busy_jobs.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/document_state.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_description.h"
#include "widgets/document/token_selection.h"
#include "widgets/step_through/walk_scene.h"
#include "widgets/step_through/walk_text.h"
#include "widgets/step_through/walk_tip_drag.h"
#include "widgets/support/state_overlay.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

// The tokens' colours on the dark scene: the first is the single-token orange; none is the
// RMSNorm blue or the red of the removed component.
const QColor kTokenColours[kMaxWalkedTokens] = {
    QColor(242, 140, 43),  QColor(96, 204, 96),  QColor(217, 102, 217), QColor(242, 217, 77),
    QColor(217, 217, 217), QColor(77, 204, 178), QColor(153, 140, 242), QColor(204, 153, 102)};
// The teaching vector's range, in each coordinate.
constexpr double kTeachingRange = 10.0;
// The step's text gets a quarter of the panel's height, and at least this (logical pixels).
constexpr int kMinTextHeight = 64;

NormalizationWalk walkOf(const Dump& dump, SiteIndex site, Index token) {
    const SiteInfo& about = dump.info().sites.at(site);
    const NormAffine affine = read_norm_affine(dump, site);
    try {
        return walk_normalization(dump.read_vector(site, Stream::Input, token), about.eps, affine);
    } catch (const RequestError& error) {
        throw RequestError(dump.info().path, "/norms/" + about.key + "/input",
                           "token " + std::to_string(token) + ": " + error.reason());
    }
}

// Each token's vector read in turn; a token that cannot be walked says why.
void walkTokens(const Dump& dump, SiteIndex site, std::vector<WalkedToken>& tokens,
                const std::atomic<bool>& cancel) {
    for (WalkedToken& token : tokens) {
        if (cancel) return;
        try {
            token.walk = std::make_shared<const NormalizationWalk>(walkOf(dump, site, token.token));
        } catch (const std::exception& error) {
            token.failure = QString::fromUtf8(error.what());
        }
    }
}

QString coordinates(const Eigen::Vector3d& x) {
    return QStringLiteral("(%1, %2, %3)").arg(walkNumber(x(0)), walkNumber(x(1)), walkNumber(x(2)));
}

}  // namespace

StepThroughPanel::StepThroughPanel(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { documentChanged(); },
                                           [this](QObject*) { followSelection(); }})),
      scene_(new VtkViewWidget(this)),
      timer_(new QTimer(this)) {
    // The same tokens at another site are walked again.
    binding_->setSiteChanged([this] { requestWalk(); });
    state_ = new StateOverlay(scene_);
    showState();
    walkScene_ = std::make_unique<WalkScene>(scene_->renderer());
    tipDrag_ = std::make_unique<WalkTipDrag>(
        scene_, [this](const Eigen::Vector3d& tip) { dragTeachingTip(tip); });
    buildControls();
    connect(timer_, &QTimer::timeout, this, [this] { setStep((step() + 1) % kWalkStageCount); });
}

StepThroughPanel::~StepThroughPanel() { worker_.cancel(); }

void StepThroughPanel::buildControls() {
    heading_ = new QLabel(tr("Select tokens to walk them through the normalization."), this);
    heading_->setWordWrap(true);
    text_ = new QLabel(this);
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::RichText);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* previous = new QPushButton(tr("◀ Previous"), this);
    auto* next = new QPushButton(tr("Next ▶"), this);
    playButton_ = new QPushButton(tr("Play"), this);
    playButton_->setCheckable(true);
    playButton_->setToolTip(tr("Step through on a timer"));
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(0, kWalkStageCount - 1);
    slider_->setPageStep(1);
    slider_->setTickPosition(QSlider::TicksBelow);
    auto* controls = new QHBoxLayout;
    controls->addWidget(previous);
    controls->addWidget(slider_, 1);
    controls->addWidget(next);
    controls->addWidget(playButton_);
    // The step's text scrolls within a share of the panel, so several tokens' lines cannot
    // squeeze the scene.
    textArea_ = new QScrollArea(this);
    textArea_->setWidget(text_);
    textArea_->setWidgetResizable(true);
    textArea_->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildTeachingControls());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading_);
    layout->addWidget(scene_, 1);
    layout->addLayout(controls);
    layout->addWidget(textArea_);
    connect(previous, &QPushButton::clicked, this, [this] { setStep(step() - 1); });
    connect(next, &QPushButton::clicked, this, [this] { setStep(step() + 1); });
    connect(slider_, &QSlider::valueChanged, this, &StepThroughPanel::setStep);
    connect(playButton_, &QPushButton::toggled, this, &StepThroughPanel::setPlaying);
}

QLayout* StepThroughPanel::buildTeachingControls() {
    teachingBox_ = new QCheckBox(tr("d = 3 teaching mode (drag x's tip): x ="), this);
    auto* row = new QHBoxLayout;
    row->addWidget(teachingBox_);
    // Short enough for x to stay in the picture framed on the √3 sphere.
    const double start[3] = {0.4, 0.9, 1.7};
    const auto apply = [this] {
        if (!teachingBox_->isChecked()) return setTeachingVector(std::nullopt);
        setTeachingVector(Eigen::Vector3d(teachingCoordinates_[0]->value(),
                                          teachingCoordinates_[1]->value(),
                                          teachingCoordinates_[2]->value()));
    };
    for (int i = 0; i < 3; ++i) {
        teachingCoordinates_[i] = new QDoubleSpinBox(this);
        teachingCoordinates_[i]->setRange(-kTeachingRange, kTeachingRange);
        teachingCoordinates_[i]->setDecimals(3);
        teachingCoordinates_[i]->setSingleStep(0.1);
        teachingCoordinates_[i]->setValue(start[i]);
        row->addWidget(teachingCoordinates_[i]);
        connect(teachingCoordinates_[i], &QDoubleSpinBox::valueChanged, this, apply);
    }
    row->addStretch();
    connect(teachingBox_, &QCheckBox::toggled, this, apply);
    return row;
}

void StepThroughPanel::setTeachingVector(std::optional<Eigen::Vector3d> x) {
    if (x) x = x->cwiseMax(-kTeachingRange).cwiseMin(kTeachingRange);
    teachingVector_ = x;
    const QSignalBlocker blocker(teachingBox_);
    teachingBox_->setChecked(x.has_value());
    for (int i = 0; x && i < 3; ++i) {
        const QSignalBlocker coordinateBlocker(teachingCoordinates_[i]);
        teachingCoordinates_[i]->setValue((*x)(i));
    }
    showState();
    if (x) return walkTeachingVector();
    tipDrag_->setTip(std::nullopt);
    walked_.clear();
    requestWalk();
}

QPointF StepThroughPanel::teachingTipOnScreen() const { return tipDrag_->tipOnScreen(); }

void StepThroughPanel::dragTeachingTip(const Eigen::Vector3d& tip) {
    // The picture is R³ turned by the fixed basis, so the tip's scene position maps straight back.
    setTeachingVector(Eigen::Vector3d(r3_walk_basis() * tip));
}

// Three numbers: computed on the spot, no vectors to read.
void StepThroughPanel::walkTeachingVector() {
    const int generation = ++generation_;
    const Eigen::Vector3d& x = *teachingVector_;
    axes_ = r3_walk_basis();
    WalkedToken token{-1, QStringLiteral("x"), kTokenColours[0], nullptr, QString()};
    try {
        token.walk = std::make_shared<const NormalizationWalk>(walk_normalization(x, 0.0));
    } catch (const RequestError&) {
        token.failure = tr("x = %1 lies on the 1 axis: x⊥ = 0 has no direction, so x⊥/‖x⊥‖ is "
                           "undefined. Drag x off the axis.")
                            .arg(coordinates(x));
    }
    showWalks(generation, {token},
              tr("d = 3 teaching mode: x = %1, ε = 0, γ = 1, β = 0. Drag the yellow tip of x.")
                  .arg(coordinates(x)));
    walkScene_->showFrame(std::sqrt(3.0));
    tipDrag_->setTip(walk_placement(axes_, x), std::sqrt(3.0) * 0.04);
}

void StepThroughPanel::setDocument(DumpDocument* document) { binding_->setDocument(document); }

DumpDocument* StepThroughPanel::document() const { return binding_->document(); }

// Another document, or this one's metrics ready: its selection is walked from scratch.
void StepThroughPanel::documentChanged() {
    walked_.clear();
    worker_.cancel();
    ++generation_;
    showState();
    if (binding_->isReady()) followSelection();
}

// The teaching mode needs no file; the tokens' walk needs a ready one.
void StepThroughPanel::showState() {
    if (teachingVector_) return state_->setMessage({});
    if (!binding_->isReady()) return state_->setMessage(documentStateMessage(document()));
    if (walked_.empty()) state_->setMessage(tr("Reading the tokens' vectors…"));
}

void StepThroughPanel::followSelection() {
    walk(document()->selection()->firstTokens(kMaxWalkedTokens),
         std::size_t(document()->selection()->count()));
}

void StepThroughPanel::setTokens(const std::vector<Index>& tokens) {
    walk({tokens.begin(),
          tokens.begin() + std::ptrdiff_t(std::min(tokens.size(), kMaxWalkedTokens))},
         tokens.size());
}

// The first tokens of `requested` ones (token 0 when none are).
void StepThroughPanel::walk(std::vector<Index> capped, std::size_t requested) {
    if (capped.empty()) capped.push_back(0);
    const bool same = capped == tokens_ && requested == requestedCount_;
    tokens_ = std::move(capped);
    requestedCount_ = requested;
    if (same && !walked_.empty()) return;
    requestWalk();
}

QString StepThroughPanel::tokensHeading(SiteIndex site) const {
    const SiteInfo& about = document()->info().sites[site];
    QString heading =
        tr("Site %1 (%2): ")
            .arg(QString::fromStdString(about.key), QString::fromStdString(about.module));
    if (requestedCount_ == 0) heading += tr("nothing selected, so token 0: ");
    if (tokens_.size() == 1) return heading + describeToken(*document(), site, tokens_.front());
    heading += tr("%1 tokens, LayerNorm in each token's colour, RMSNorm in its pale tint")
                   .arg(tokens_.size());
    if (requestedCount_ > tokens_.size())
        heading +=
            tr(" (the first %1 of the %2 selected)").arg(tokens_.size()).arg(requestedCount_);
    return heading;
}

void StepThroughPanel::requestWalk() {
    if (teachingVector_) return;
    const int generation = ++generation_;
    if (!binding_->isReady() || tokens_.empty()) return;
    const SiteIndex site = document()->currentSite();
    std::vector<WalkedToken> walked;
    for (std::size_t i = 0; i < tokens_.size(); ++i)
        walked.push_back(
            {tokens_[i],
             (tr("token %1 ").arg(tokens_[i]) + visibleTokenText(*document(), tokens_[i]))
                 .trimmed(),
             kTokenColours[i], nullptr, QString()});
    worker_.submit([this, generation, site, walked, heading = tokensHeading(site),
                    dump = document()->dump(),
                    mark = markBusy("the step-through")](const std::atomic<bool>& cancel) mutable {
        walkTokens(*dump, site, walked, cancel);
        if (cancel) return;
        QMetaObject::invokeMethod(
            this,
            [this, generation, mark, walked = std::move(walked), heading] {
                showWalks(generation, walked, heading);
            },
            Qt::QueuedConnection);
    });
}

void StepThroughPanel::showWalks(int generation, std::vector<WalkedToken> walked,
                                 const QString& heading) {
    if (generation != generation_) return;
    walked_ = std::move(walked);
    heading_->setText(heading);
    std::vector<const NormalizationWalk*> walks;
    for (const WalkedToken& token : walked_)
        if (token.walk) walks.push_back(token.walk.get());
    if (!teachingVector_ && !walks.empty()) axes_ = shared_walk_basis(walks);
    // The teaching vector's failure stays in the text: the scene must stay draggable.
    state_->setMessage(walks.empty() && !teachingVector_ ? walked_.front().failure : QString());
    redraw();
    if (walks.empty())
        emit failed(walked_.front().failure);
    else
        emit walkShown();
}

std::shared_ptr<const NormalizationWalk> StepThroughPanel::walk() const {
    for (const WalkedToken& token : walked_)
        if (token.walk) return token.walk;
    return nullptr;
}

void StepThroughPanel::setStep(int step) {
    const int clamped = std::clamp(step, 0, kWalkStageCount - 1);
    if (clamped == settings_.step && slider_->value() == clamped) return;
    settings_.step = clamped;
    slider_->setValue(clamped);
    redraw();
    emit stepChanged(clamped);
}

bool StepThroughPanel::isPlaying() const { return timer_->isActive(); }

void StepThroughPanel::setPlaying(bool playing) {
    if (playing)
        timer_->start(settings_.intervalMs);
    else
        timer_->stop();
    const QSignalBlocker blocker(playButton_);
    playButton_->setChecked(playing);
    playButton_->setText(playing ? tr("Pause") : tr("Play"));
    playButton_->setToolTip(playing ? tr("Stop at this step") : tr("Step through on a timer"));
}

void StepThroughPanel::resizeEvent(QResizeEvent* event) {
    textArea_->setMaximumHeight(std::max(kMinTextHeight, height() / 4));
    QWidget::resizeEvent(event);
}

void StepThroughPanel::setSettings(const StepThroughSettings& settings) {
    settings_.intervalMs = settings.intervalMs;
    timer_->setInterval(settings.intervalMs);
    setStep(settings.step);
}

// The largest share of a vector drawn at this step that lies outside the drawn 3-space.
double StepThroughPanel::outsideShare() const {
    double share = 0;
    for (const WalkedToken& token : walked_) {
        if (!token.walk) continue;
        for (const auto* path : {&token.walk->layer_norm, &token.walk->rms_norm}) {
            const WalkStage& stage = (*path)[std::size_t(settings_.step)];
            if (stage.norm > 0)
                share = std::max(share, distance_outside(axes_, stage.vector) / stage.norm);
        }
    }
    return share;
}

void StepThroughPanel::redraw() {
    if (walked_.empty()) return;
    text_->setText(walkStepHtml(walked_, settings_.step, outsideShare()));
    if (walk())
        walkScene_->show(walked_, axes_, settings_.step);
    else
        walkScene_->clear();
    scene_->requestRender();
}

QString StepThroughPanel::stepText() const {
    QTextDocument document;
    document.setHtml(text_->text());
    return document.toPlainText();
}

QString StepThroughPanel::headingText() const { return heading_->text(); }

}  // namespace lngeom::widgets
