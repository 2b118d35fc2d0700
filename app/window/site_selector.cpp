#include "app/window/site_selector.h"

#include "app/files/document_list.h"
#include "app/files/dump_description.h"
#include "core/charts/site_labels.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

using widgets::DumpDocument;

SiteSelector::SiteSelector(DocumentList* documents, QWidget* parent)
    : QComboBox(parent), documents_(documents) {
    setMinimumContentsLength(14);
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setToolTip(
        tr("The norm site every view shows (layer · ln1 / ln2 / final).\n"
           "Previous / next site: Ctrl+Page Up / Ctrl+Page Down."));
    connect(documents, &DocumentList::currentChanged, this, &SiteSelector::follow);
    // The box's rows are the sites in order: its int index converts to and from a SiteIndex.
    connect(this, &QComboBox::activated, this, [this](int index) {
        if (document_ && index >= 0) document_->setCurrentSite(SiteIndex(index));
    });
    follow(documents->current());
}

void SiteSelector::follow(DumpDocument* document) {
    for (const auto& connection : connections_) disconnect(connection);
    connections_.clear();
    document_ = document;
    if (document) {
        connections_ << connect(document, &DumpDocument::infoReady, this, &SiteSelector::fill)
                     << connect(document, &DumpDocument::currentSiteChanged, this,
                                &SiteSelector::showSite);
    }
    fill();
}

void SiteSelector::fill() {
    clear();
    setEnabled(document_ && document_->dump());
    if (!isEnabled()) return;
    for (const SiteInfo& site : document_->info().sites) {
        addItem(QString::fromStdString(site_label(site)));
        setItemData(count() - 1, siteDescription(site), Qt::ToolTipRole);
    }
    showSite(document_->currentSite());
}

void SiteSelector::showSite(SiteIndex site) { setCurrentIndex(int(site)); }

}  // namespace lngeom::app
