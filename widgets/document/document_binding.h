#pragma once
// What every view of a DumpDocument does the same way: follow the document it is given (or
// none), redraw when its metrics are ready or the current site changes, follow its selection,
// and fetch a site's per-token columns without throwing into the GUI.

#include <QMetaObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

#include "core/metrics/metrics_pass.h"
#include "widgets/document/dump_document.h"

namespace lngeom::widgets {

class DocumentBinding {
  public:
    struct Callbacks {
        std::function<void()> dataChanged;               // ready, current site changed
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
    DumpDocument* document() const { return document_; }
    // The document's metrics are computed.
    bool isReady() const;
    // The site's columns, or nullptr when not ready or they cannot be had (the reason is logged).
    std::shared_ptr<const SiteColumns> columns(SiteIndex site) const;

  private:
    void disconnectAll();
    void connectSelection();

    QObject* owner_;
    Callbacks callbacks_;
    std::function<void()> siteChanged_;
    QPointer<DumpDocument> document_;
    std::vector<QMetaObject::Connection> connections_;
};

}  // namespace lngeom::widgets
