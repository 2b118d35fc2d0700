#include "app/files/recent_files.h"

#include <QFileInfo>
#include <QSettings>

#include "app/files/document_list.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {
namespace {

const char* const kRecentKey = "recentFiles";

}  // namespace

RecentFiles::RecentFiles(DocumentList* documents, QObject* parent) : QObject(parent) {
    for (widgets::DumpDocument* document : documents->documents()) watch(document);
    connect(documents, &DocumentList::added, this, &RecentFiles::watch);
}

QStringList RecentFiles::paths() const { return QSettings().value(kRecentKey).toStringList(); }

void RecentFiles::add(const QString& path) {
    QStringList list = paths();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    list.removeAll(absolute);
    list.prepend(absolute);
    QSettings().setValue(kRecentKey, list.mid(0, kMaximum));
}

void RecentFiles::clear() { QSettings().remove(kRecentKey); }

void RecentFiles::watch(widgets::DumpDocument* document) {
    connect(document, &widgets::DumpDocument::infoReady, this,
            [this, document] { add(document->path()); });
}

RecentFilesMenu::RecentFilesMenu(RecentFiles* recent, DocumentList* documents, QWidget* parent)
    : QMenu(tr("Open &Recent"), parent), recent_(recent), documents_(documents) {
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::fill);
}

void RecentFilesMenu::fill() {
    clear();
    const QStringList paths = recent_->paths();
    for (int index = 0; index < paths.size(); ++index) {
        const QString& path = paths[index];
        QAction* entry =
            addAction(QString("&%1 %2").arg((index + 1) % 10).arg(QFileInfo(path).fileName()));
        entry->setToolTip(path);
        entry->setStatusTip(path);
        connect(entry, &QAction::triggered, this, [this, path] { documents_->open(path); });
    }
    if (paths.isEmpty()) addAction(tr("(none yet)"))->setEnabled(false);
    addSeparator();
    addAction(tr("Clear list"), recent_, &RecentFiles::clear);
}

}  // namespace lngeom::app
