#include "app/tour/tour_driver.h"

#include <QFileInfo>

#include "app/files/document_list.h"
#include "app/files/sample_files.h"
#include "app/tour/tour_facts.h"
#include "app/tour/tour_panel.h"
#include "app/tour/tour_steps.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"

namespace lngeom::app {
namespace {

using widgets::DumpDocument;

// The tokens a step walks: a few across ‖x‖ show them all reaching one sphere.
constexpr std::size_t kTokensAcrossNorms = 6;

// The step's site of `document`, once its sites are known.
SiteIndex siteOf(const DumpDocument& document, SiteIndex site) {
    return site == kLastSite ? document.info().sites.size() - 1 : site;
}

// A file still opening gets its site once its sites are known.
void showSite(DumpDocument* document, SiteIndex site) {
    if (document->dump()) return document->setCurrentSite(siteOf(*document, site));
    auto* once = new QObject(document);
    QObject::connect(document, &DumpDocument::infoReady, once, [document, site, once] {
        document->setCurrentSite(siteOf(*document, site));
        once->deleteLater();
    });
}

QString canonical(const QString& path) { return QFileInfo(path).canonicalFilePath(); }

}  // namespace

TourDriver::TourDriver(TourPanel* panel, DocumentList* documents, const ViewSet& views,
                       std::function<void(QWidget*)> raiseView)
    : QObject(panel),
      panel_(panel),
      documents_(documents),
      views_(views),
      raiseView_(std::move(raiseView)) {
    connect(panel, &TourPanel::stepShown, this, &TourDriver::apply);
    // The step on screen (the first, before the tour is started) gets its numbers as soon as
    // its sample's metrics are computed, without driving any view.
    connect(documents, &DocumentList::stateChanged, this, [this] { showText(); });
}

widgets::DumpDocument* TourDriver::openSample(int index) const {
    const QString path = sampleDumpPaths()[index];
    for (DumpDocument* document : documents_->documents())
        if (canonical(document->path()) == canonical(path)) return document;
    return nullptr;
}

void TourDriver::showText() {
    const TourStep& step = tourSteps()[std::size_t(panel_->step())];
    const DumpDocument* document = openSample(step.sample);
    const bool known = document && document->state() == DumpDocument::State::Ready;
    panel_->showText(
        step.html(TourFacts(document, known ? siteOf(*document, step.site) : 0)));
}

DumpDocument* TourDriver::sample(int index) const {
    if (DumpDocument* open = openSample(index)) return open;
    return documents_->open(sampleDumpPaths()[index]);
}

void TourDriver::apply(int step) {
    const TourStep& shown = tourSteps()[std::size_t(step)];
    DumpDocument* document = sample(shown.sample);
    documents_->setCurrent(document);
    showSite(document, shown.site);
    showViews(shown);
    disconnect(pendingWalk_);
    showText();
    if (shown.scene != TourScene::StepThrough) return;
    if (document->state() == DumpDocument::State::Ready) return walk(shown, *document);
    pendingWalk_ = connect(document, &DumpDocument::ready, this,
                           [this, &shown, document] { walk(shown, *document); });
}

void TourDriver::showViews(const TourStep& step) {
    views_.histogram->setMetric(step.metric);
    views_.curves->setMetric(step.metric);
    widgets::ProjectionSettings projection = views_.projection->settings();
    projection.representation = step.representation;
    projection.placement = step.placement;
    views_.projection->setSettings(projection);
    raiseView_(step.chart == TourChart::Curves ? static_cast<QWidget*>(views_.curves)
                                               : static_cast<QWidget*>(views_.histogram));
    if (step.scene == TourScene::Projection) return raiseView_(views_.projection);
    views_.stepThrough->setPlaying(false);
    views_.stepThrough->setTeachingVector(std::nullopt);
    raiseView_(views_.stepThrough);
}

void TourDriver::walk(const TourStep& step, const DumpDocument& document) {
    const TourFacts facts(&document, siteOf(document, step.site));
    views_.stepThrough->setTokens(step.walk == TourWalk::AcrossNorms
                                      ? facts.tokensAcrossNorms(kTokensAcrossNorms)
                                      : std::vector<Index>{facts.representativeToken()});
    views_.stepThrough->setStep(step.walkStage);
}

}  // namespace lngeom::app
