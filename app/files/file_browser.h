#pragma once
// The Files dock: every open dump with what it contains (size, layout, tokens, the model's
// attributes, its norm sites with layer, site, d and element type), readable as soon as the
// file is open, before the metrics pass ends. Clicking a site shows it in every view.

#include <QTreeWidget>

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class DocumentList;

class FileBrowser : public QTreeWidget {
    Q_OBJECT
  public:
    explicit FileBrowser(DocumentList* documents, QWidget* parent = nullptr);

    QTreeWidgetItem* itemOf(const widgets::DumpDocument* document) const;

  protected:
    bool viewportEvent(QEvent* event) override;

  private:
    void fitColumns();
    void addDocument(widgets::DumpDocument* document);
    void removeDocument(widgets::DumpDocument* document);
    void describe(widgets::DumpDocument* document);
    void addContents(QTreeWidgetItem* fileItem, const widgets::DumpDocument& document);
    void showCurrent();
    void activate(QTreeWidgetItem* item);

    DocumentList* documents_;
};

}  // namespace lngeom::app
