#include "app/files/file_drop_opener.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

#include "app/files/document_list.h"

namespace lngeom::app {

FileDropOpener::FileDropOpener(QWidget* target, DocumentList* documents)
    : QObject(target), documents_(documents) {
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

QStringList FileDropOpener::localFiles(const QMimeData* mime) {
    QStringList files;
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile()) files << url.toLocalFile();
    return files;
}

bool FileDropOpener::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::DragEnter || event->type() == QEvent::DragMove) {
        auto* drag = static_cast<QDragMoveEvent*>(event);
        if (localFiles(drag->mimeData()).isEmpty()) return false;
        drag->acceptProposedAction();
        return true;
    }
    if (event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QStringList files = localFiles(drop->mimeData());
        if (files.isEmpty()) return false;
        for (const QString& path : files) documents_->open(path);
        drop->acceptProposedAction();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace lngeom::app
