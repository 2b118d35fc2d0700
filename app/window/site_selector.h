#pragma once
// The toolbar's norm-site box (layer × ln1/ln2/final) of the current dump; choosing a site shows
// it in every view. Keyboard: the previous/next site actions, or focus the box and type.

#include <QComboBox>
#include <QPointer>

#include "core/io/dump.h"

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class DocumentList;

class SiteSelector : public QComboBox {
    Q_OBJECT
  public:
    explicit SiteSelector(DocumentList* documents, QWidget* parent = nullptr);

  private:
    void follow(widgets::DumpDocument* document);
    void fill();
    void showSite(SiteIndex site);

    DocumentList* documents_;
    QPointer<widgets::DumpDocument> document_;
    QList<QMetaObject::Connection> connections_;
};

}  // namespace lngeom::app
