#pragma once
// What every view of a DumpDocument does the same way: follow the document it is given (or
// none, or none any more once it is destroyed), redraw when its metrics are ready or the current
// site changes, follow its selection, and fetch a site's per-token columns without throwing into
// the GUI.

#include <QMetaObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

#include "core/columns/column_source.h"
#include "widgets/document/dump_document.h"

namespace lngeom::widgets {

class StateOverlay;

class DocumentBinding {
  public:
    struct Callbacks {
        // Called when the document's state changes (its sites known, ready, failed, cancelled),
        // when its current site changes and when it is destroyed.
        std::function<void()> dataChanged;
        std::function<void(QObject*)> selectionChanged;  // the change's source; may be empty
    };

    DocumentBinding(QObject* owner, Callbacks callbacks);
    ~DocumentBinding();
    DocumentBinding(const DocumentBinding&) = delete;
    DocumentBinding& operator=(const DocumentBinding&) = delete;

    // For views that do not depend on the current site: called instead of dataChanged when it
    // changes. Takes effect at the next setDocument().
    void setSiteChanged(std::function<void()> siteChanged);
    // Follows `document` (nullptr: none) and calls dataChanged once.
    void setDocument(DumpDocument* document);
    // Lays a StateOverlay over the view's `picture` (its chart or scene) that says in the view
    // what state the document is in while it has no data (documentStateMessage); `noDocument`
    // replaces the message for no document at all (e.g. a hint of what to open). Called again,
    // it changes that message only.
    void showStateOver(QWidget* picture, QString noDocument = {});
    DumpDocument* document() const { return document_; }
    // The document's metrics are computed.
    bool isReady() const;
    // The site's columns, or nullptr when not ready or they cannot be had (the reason is logged).
    std::shared_ptr<const ColumnSource> columns(SiteIndex site) const;

  private:
    void stateChanged();
    void updateOverlay();
    void disconnectAll();
    void connectSelection();

    QObject* owner_;
    Callbacks callbacks_;
    std::function<void()> siteChanged_;
    QPointer<DumpDocument> document_;
    StateOverlay* overlay_ = nullptr;
    QString noDocumentMessage_;
    std::vector<QMetaObject::Connection> connections_;
};

}  // namespace lngeom::widgets
