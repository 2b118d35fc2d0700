#pragma once
// File ▸ Open Recent: the dumps that opened successfully, newest first, kept between runs.

#include <QMenu>
#include <QStringList>

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class DocumentList;

class RecentFiles : public QObject {
    Q_OBJECT
  public:
    static constexpr int kMaximum = 10;

    // Remembers every document of `documents` once its file has opened.
    explicit RecentFiles(DocumentList* documents, QObject* parent = nullptr);

    QStringList paths() const;
    void add(const QString& path);
    void clear();

  private:
    void watch(widgets::DumpDocument* document);
};

// Lists RecentFiles when shown; choosing an entry opens it.
class RecentFilesMenu : public QMenu {
    Q_OBJECT
  public:
    RecentFilesMenu(RecentFiles* recent, DocumentList* documents, QWidget* parent = nullptr);

  private:
    void fill();

    RecentFiles* recent_;
    DocumentList* documents_;
};

}  // namespace lngeom::app
