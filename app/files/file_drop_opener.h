#pragma once
// Drag & drop: files dropped anywhere on the window are opened as dumps.

#include <QObject>

class QMimeData;
class QWidget;

namespace lngeom::app {

class DocumentList;

class FileDropOpener : public QObject {
  public:
    // Installs itself on `target` (and accepts drops there).
    FileDropOpener(QWidget* target, DocumentList* documents);

    // The local files in `mime`; empty when it carries none.
    static QStringList localFiles(const QMimeData* mime);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    DocumentList* documents_;
};

}  // namespace lngeom::app
