#include "app/tour/tour_driver.h"

#include <QFileInfo>

#include "app/files/document_list.h"
#include "app/files/sample_files.h"
#include "app/tour/tour_panel.h"
#include "app/tour/tour_steps.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/projection/projection_view.h"

namespace lngeom::app {
namespace {

using widgets::DumpDocument;

void setSite(DumpDocument* document, SiteIndex site) {
    document->setCurrentSite(site == kLastSite ? document->info().sites.size() - 1 : site);
}

// A file still opening gets its site once its sites are known.
void showSite(DumpDocument* document, SiteIndex site) {
    if (document->dump()) return setSite(document, site);
    auto* once = new QObject(document);
    QObject::connect(document, &DumpDocument::infoReady, once, [document, site, once] {
        setSite(document, site);
        once->deleteLater();
    });
}

QString canonical(const QString& path) { return QFileInfo(path).canonicalFilePath(); }

}  // namespace

TourDriver::TourDriver(TourPanel* panel, DocumentList* documents, const ViewSet& views)
    : QObject(panel), documents_(documents), views_(views) {
    connect(panel, &TourPanel::stepShown, this, &TourDriver::apply);
}

DumpDocument* TourDriver::sample(int index) const {
    const QString path = sampleDumpPaths()[index];
    for (DumpDocument* document : documents_->documents())
        if (canonical(document->path()) == canonical(path)) return document;
    return documents_->open(path);
}

void TourDriver::apply(int step) {
    const TourStep& shown = tourSteps()[std::size_t(step)];
    DumpDocument* document = sample(shown.sample);
    documents_->setCurrent(document);
    showSite(document, shown.site);
    views_.histogram->setMetric(shown.metric);
    views_.projection->setRepresentation(shown.representation);
}

}  // namespace lngeom::app
