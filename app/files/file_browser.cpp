#include "app/files/file_browser.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>

#include <algorithm>

#include "app/files/document_list.h"
#include "app/files/dump_description.h"
#include "core/charts/site_labels.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {
namespace {

using widgets::DumpDocument;

constexpr int kDocumentRole = Qt::UserRole;
constexpr int kSiteRole = Qt::UserRole + 1;

QString stateText(const DumpDocument& document) {
    switch (document.state()) {
        case DumpDocument::State::Idle:
        case DumpDocument::State::Opening:
            return QObject::tr("opening…");
        case DumpDocument::State::Computing:
            return QObject::tr("computing metrics…");
        case DumpDocument::State::Ready:
            return QObject::tr("ready");
        case DumpDocument::State::Failed:
            return QObject::tr("failed: %1").arg(document.errorMessage());
        case DumpDocument::State::Cancelled:
            return QObject::tr("cancelled");
    }
    return {};
}

QTreeWidgetItem* addRow(QTreeWidgetItem* parent, const QString& name, const QString& value) {
    auto* item = new QTreeWidgetItem(parent, {name, value});
    item->setToolTip(1, value);
    return item;
}

DumpDocument* documentOf(const QTreeWidgetItem* item) {
    while (item->parent()) item = item->parent();
    return item->data(0, kDocumentRole).value<DumpDocument*>();
}

}  // namespace

FileBrowser::FileBrowser(DocumentList* documents, QWidget* parent)
    : QTreeWidget(parent), documents_(documents) {
    setHeaderLabels({tr("File / site"), tr("Contents")});
    header()->setStretchLastSection(false);
    connect(this, &QTreeWidget::itemExpanded, this, &FileBrowser::fitColumns);
    connect(this, &QTreeWidget::itemCollapsed, this, &FileBrowser::fitColumns);
    setToolTip(tr("Open dumps and what they contain. Click a norm site to show it in every view."));
    for (DumpDocument* document : documents->documents()) addDocument(document);
    connect(documents, &DocumentList::added, this, &FileBrowser::addDocument);
    connect(documents, &DocumentList::removed, this, &FileBrowser::removeDocument);
    connect(documents, &DocumentList::stateChanged, this, &FileBrowser::describe);
    connect(documents, &DocumentList::currentChanged, this, &FileBrowser::showCurrent);
    connect(this, &QTreeWidget::itemClicked, this, &FileBrowser::activate);
    connect(this, &QTreeWidget::itemActivated, this, &FileBrowser::activate);
}

bool FileBrowser::viewportEvent(QEvent* event) {
    if (event->type() == QEvent::Resize) fitColumns();
    return QTreeWidget::viewportEvent(event);
}

// The names as wide as they need but at most this share of the tree; the contents take the rest
// and elide (their tooltip has the whole text), so a narrow dock does not scroll sideways.
void FileBrowser::fitColumns() {
    constexpr double kNameShare = 0.7;
    const int width = viewport()->width();
    const int names = std::min(sizeHintForColumn(0), int(kNameShare * width));
    setColumnWidth(0, names);
    setColumnWidth(1, width - names);
}

QTreeWidgetItem* FileBrowser::itemOf(const DumpDocument* document) const {
    for (int row = 0; row < topLevelItemCount(); ++row)
        if (documentOf(topLevelItem(row)) == document) return topLevelItem(row);
    return nullptr;
}

void FileBrowser::addDocument(DumpDocument* document) {
    auto* item = new QTreeWidgetItem(this, {document->displayName(), stateText(*document)});
    item->setData(0, kDocumentRole, QVariant::fromValue(document));
    item->setToolTip(0, document->path());
    connect(document, &DumpDocument::currentSiteChanged, this, &FileBrowser::showCurrent);
}

void FileBrowser::removeDocument(DumpDocument* document) { delete itemOf(document); }

void FileBrowser::describe(DumpDocument* document) {
    QTreeWidgetItem* item = itemOf(document);
    if (!item) return;
    item->setText(1, stateText(*document));
    item->setToolTip(1, stateText(*document));
    if (item->childCount() == 0 && document->dump()) addContents(item, *document);
    showCurrent();
}

void FileBrowser::addContents(QTreeWidgetItem* fileItem, const DumpDocument& document) {
    const DumpInfo& info = document.info();
    addRow(fileItem, tr("Size"), byteSizeText(QFileInfo(document.path()).size()));
    addRow(fileItem, tr("Layout"), layoutName(info.layout));
    addRow(fileItem, tr("Tokens"), QString::number(info.n_tokens));
    if (!info.model.empty()) {
        auto* model = addRow(fileItem, tr("Model"), {});
        for (const auto& [name, value] : info.model)
            addRow(model, QString::fromStdString(name), attributeText(value));
    }
    auto* sites = addRow(fileItem, tr("Norm sites"), QString::number(info.sites.size()));
    for (SiteIndex site = 0; site < info.sites.size(); ++site) {
        auto* item = addRow(sites, QString::fromStdString(site_label(info.sites[site])),
                            siteDescription(info.sites[site]));
        item->setData(0, kSiteRole, QVariant::fromValue(site));
        item->setToolTip(0, QString::fromStdString(info.sites[site].module));
    }
    fileItem->setExpanded(true);
    sites->setExpanded(true);
    fitColumns();
}

void FileBrowser::showCurrent() {
    DumpDocument* current = documents_->current();
    for (int row = 0; row < topLevelItemCount(); ++row) {
        QTreeWidgetItem* fileItem = topLevelItem(row);
        QFont font = fileItem->font(0);
        font.setBold(documentOf(fileItem) == current);
        fileItem->setFont(0, font);
    }
    QTreeWidgetItem* fileItem = current ? itemOf(current) : nullptr;
    if (!fileItem) return;
    for (QTreeWidgetItemIterator it(fileItem); *it && documentOf(*it) == current; ++it)
        if ((*it)->data(0, kSiteRole).isValid() &&
            (*it)->data(0, kSiteRole).value<SiteIndex>() == current->currentSite())
            setCurrentItem(*it);
}

void FileBrowser::activate(QTreeWidgetItem* item) {
    DumpDocument* document = documentOf(item);
    documents_->setCurrent(document);
    const QVariant site = item->data(0, kSiteRole);
    if (site.isValid()) document->setCurrentSite(site.value<SiteIndex>());
}

}  // namespace lngeom::app
