#include "app/tour_driver.h"

#include "app/document_list.h"
#include "app/tour_panel.h"
#include "app/tour_steps.h"
#include "widgets/dump_document.h"
#include "widgets/histogram_view.h"
#include "widgets/projection_view.h"

namespace lngeom::app {
namespace {

void showSite(widgets::DumpDocument* document, int site) {
    if (!document->dump()) return;
    const int sites = int(document->info().sites.size());
    document->setCurrentSite(site == kLastSite ? sites - 1 : site);
}

}  // namespace

TourDriver::TourDriver(TourPanel* panel, DocumentList* documents, const ViewSet& views)
    : QObject(panel), documents_(documents), views_(views) {
    connect(panel, &TourPanel::stepShown, this, &TourDriver::apply);
}

void TourDriver::apply(int step) {
    const TourStep& shown = tourSteps()[std::size_t(step)];
    const auto& documents = documents_->documents();
    if (shown.document < int(documents.size())) {
        widgets::DumpDocument* document = documents[std::size_t(shown.document)];
        documents_->setCurrent(document);
        showSite(document, shown.site);
    }
    views_.histogram->setMetric(shown.metric);
    views_.projection->setRepresentation(shown.representation);
}

}  // namespace lngeom::app
