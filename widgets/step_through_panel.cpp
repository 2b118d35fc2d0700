#include "widgets/step_through_panel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include "core/errors.h"
#include "widgets/dump_document.h"
#include "widgets/token_description.h"
#include "widgets/token_selection.h"
#include "widgets/vtk_view_widget.h"
#include "widgets/walk_scene.h"
#include "widgets/walk_text.h"

namespace lngeom::widgets {
namespace {

NormalizationWalk walkOf(const Dump& dump, std::size_t site, Index token) {
    const SiteInfo& about = dump.info().sites.at(site);
    WalkAffine affine;
    affine.gamma = dump.read_gamma(site);
    affine.beta = dump.read_beta(site);
    affine.convention = about.gamma_convention;
    return walk_normalization(dump.read_vector(site, Stream::Input, token), about.eps, affine);
}

}  // namespace

StepThroughPanel::StepThroughPanel(QWidget* parent)
    : QWidget(parent), scene_(new VtkViewWidget(this)), timer_(new QTimer(this)) {
    walkScene_ = std::make_unique<WalkScene>(scene_->renderer());
    buildControls();
    connect(timer_, &QTimer::timeout, this, [this] { setStep((step() + 1) % kWalkStageCount); });
}

StepThroughPanel::~StepThroughPanel() { worker_.cancel(); }

void StepThroughPanel::buildControls() {
    heading_ = new QLabel(tr("Select a token to walk it through the normalization."), this);
    text_ = new QLabel(this);
    text_->setWordWrap(true);
    text_->setTextFormat(Qt::RichText);
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* previous = new QPushButton(tr("◀ Previous"), this);
    auto* next = new QPushButton(tr("Next ▶"), this);
    playButton_ = new QPushButton(tr("Play"), this);
    playButton_->setCheckable(true);
    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(0, kWalkStageCount - 1);
    slider_->setPageStep(1);
    slider_->setTickPosition(QSlider::TicksBelow);
    auto* controls = new QHBoxLayout;
    controls->addWidget(previous);
    controls->addWidget(slider_, 1);
    controls->addWidget(next);
    controls->addWidget(playButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildTeachingControls());
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading_);
    layout->addWidget(scene_, 1);
    layout->addLayout(controls);
    layout->addWidget(text_);
    connect(previous, &QPushButton::clicked, this, [this] { setStep(step() - 1); });
    connect(next, &QPushButton::clicked, this, [this] { setStep(step() + 1); });
    connect(slider_, &QSlider::valueChanged, this, &StepThroughPanel::setStep);
    connect(playButton_, &QPushButton::toggled, this, &StepThroughPanel::setPlaying);
}

QLayout* StepThroughPanel::buildTeachingControls() {
    teachingBox_ = new QCheckBox(tr("d = 3 teaching mode: x ="), this);
    auto* row = new QHBoxLayout;
    row->addWidget(teachingBox_);
    const double start[3] = {1.0, 2.0, 6.0};
    const auto apply = [this] {
        if (!teachingBox_->isChecked()) return setTeachingVector(std::nullopt);
        setTeachingVector(Eigen::Vector3d(teachingCoordinates_[0]->value(),
                                          teachingCoordinates_[1]->value(),
                                          teachingCoordinates_[2]->value()));
    };
    for (int i = 0; i < 3; ++i) {
        teachingCoordinates_[i] = new QDoubleSpinBox(this);
        teachingCoordinates_[i]->setRange(-10.0, 10.0);
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
    teachingVector_ = x;
    const QSignalBlocker blocker(teachingBox_);
    teachingBox_->setChecked(x.has_value());
    for (int i = 0; x && i < 3; ++i) {
        const QSignalBlocker coordinateBlocker(teachingCoordinates_[i]);
        teachingCoordinates_[i]->setValue((*x)(i));
    }
    if (x)
        walkTeachingVector();
    else
        requestWalk();
}

// Three numbers: computed on the spot, no vectors to read.
void StepThroughPanel::walkTeachingVector() {
    const int generation = ++generation_;
    const Eigen::Vector3d& x = *teachingVector_;
    const QString heading = tr("d = 3 teaching mode: x = (%1, %2, %3), ε = 0, γ = 1, β = 0")
                                .arg(walkNumber(x(0)), walkNumber(x(1)), walkNumber(x(2)));
    try {
        showWalk(generation, std::make_shared<const NormalizationWalk>(walk_normalization(x, 0.0)),
                 heading);
    } catch (const Error& error) {
        showFailure(generation, QString::fromUtf8(error.what()));
    }
}

void StepThroughPanel::setDocument(DumpDocument* document) {
    if (document_) disconnect(document_, nullptr, this, nullptr);
    if (document_ && document_->selection())
        disconnect(document_->selection(), nullptr, this, nullptr);
    document_ = document;
    walk_.reset();
    worker_.cancel();
    ++generation_;
    if (!document_) return;
    connect(document_, &DumpDocument::ready, this, &StepThroughPanel::followSelection);
    connect(document_, &DumpDocument::currentSiteChanged, this, &StepThroughPanel::requestWalk);
    // The selection exists from infoReady on; the document may be set before it is loaded.
    const auto followSelectionChanges = [this] {
        connect(document_->selection(), &TokenSelection::changed, this,
                &StepThroughPanel::followSelection, Qt::UniqueConnection);
    };
    connect(document_, &DumpDocument::infoReady, this, followSelectionChanges);
    connect(document_, &QObject::destroyed, this, [this] {
        document_ = nullptr;
        walk_.reset();
        worker_.cancel();
        ++generation_;
    });
    if (document_->selection()) followSelectionChanges();
    if (document_->state() == DumpDocument::State::Ready) followSelection();
}

void StepThroughPanel::followSelection() {
    const auto& tokens = document_->selection()->tokens();
    setToken(tokens.empty() ? 0 : tokens.front());
}

void StepThroughPanel::setToken(Index token) {
    if (token == token_ && walk_) return;
    token_ = token;
    requestWalk();
}

void StepThroughPanel::requestWalk() {
    if (teachingVector_) return;
    const int generation = ++generation_;
    if (!document_ || document_->state() != DumpDocument::State::Ready || token_ < 0) return;
    const auto site = std::size_t(document_->currentSite());
    const QString heading = QStringLiteral("Site %1 (%2): %3")
                                .arg(QString::fromStdString(document_->info().sites[site].key),
                                     QString::fromStdString(document_->info().sites[site].module),
                                     describeToken(*document_, site, token_));
    worker_.submit([this, generation, site, token = token_, heading,
                    dump = document_->dump()](const std::atomic<bool>& cancel) {
        try {
            auto walk = std::make_shared<const NormalizationWalk>(walkOf(*dump, site, token));
            if (cancel) return;
            QMetaObject::invokeMethod(
                this, [this, generation, walk, heading] { showWalk(generation, walk, heading); },
                Qt::QueuedConnection);
        } catch (const std::exception& error) {
            const QString message = QString::fromUtf8(error.what());
            QMetaObject::invokeMethod(
                this, [this, generation, message] { showFailure(generation, message); },
                Qt::QueuedConnection);
        }
    });
}

void StepThroughPanel::showWalk(int generation, std::shared_ptr<const NormalizationWalk> walk,
                                QString heading) {
    if (generation != generation_) return;
    walk_ = std::move(walk);
    axes_ = walk_basis(*walk_);
    heading_->setText(heading);
    redraw();
    emit walkShown();
}

void StepThroughPanel::showFailure(int generation, const QString& message) {
    if (generation != generation_) return;
    heading_->setText(message);
    emit failed(message);
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
    playButton_->setChecked(playing);
}

void StepThroughPanel::setSettings(const StepThroughSettings& settings) {
    settings_.intervalMs = settings.intervalMs;
    timer_->setInterval(settings.intervalMs);
    setStep(settings.step);
}

void StepThroughPanel::redraw() {
    if (!walk_) return;
    const double outside = distance_outside(axes_, walk_->rms_norm.back().vector);
    text_->setText(walkStepHtml(*walk_, settings_.step, outside));
    walkScene_->show(*walk_, axes_, settings_.step);
    scene_->requestRender();
}

QString StepThroughPanel::stepText() const {
    QTextDocument document;
    document.setHtml(text_->text());
    return document.toPlainText();
}

}  // namespace lngeom::widgets
