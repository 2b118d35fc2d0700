#include "widgets/document/document_binding.h"

#include <QDebug>

#include <exception>

#include "widgets/document/token_selection.h"

namespace lngeom::widgets {

DocumentBinding::DocumentBinding(QObject* owner, Callbacks callbacks)
    : owner_(owner), callbacks_(std::move(callbacks)) {}

DocumentBinding::~DocumentBinding() { disconnectAll(); }

void DocumentBinding::disconnectAll() {
    for (const auto& connection : connections_) QObject::disconnect(connection);
    connections_.clear();
}

// The selection exists from infoReady() on, so it is connected then (or at once if it exists).
void DocumentBinding::connectSelection() {
    if (!document_ || !document_->selection() || !callbacks_.selectionChanged) return;
    connections_.push_back(QObject::connect(document_->selection(), &TokenSelection::changed,
                                            owner_, callbacks_.selectionChanged));
}

void DocumentBinding::setSiteChanged(std::function<void()> siteChanged) {
    siteChanged_ = std::move(siteChanged);
}

void DocumentBinding::setDocument(DumpDocument* document) {
    disconnectAll();
    document_ = document;
    if (document) {
        const auto data = callbacks_.dataChanged;
        connections_.push_back(QObject::connect(document, &DumpDocument::ready, owner_, data));
        const auto site = siteChanged_ ? siteChanged_ : data;
        connections_.push_back(QObject::connect(document, &DumpDocument::currentSiteChanged, owner_,
                                                [site](int) { site(); }));
        connections_.push_back(QObject::connect(document, &DumpDocument::infoReady, owner_,
                                                [this] { connectSelection(); }));
        connectSelection();
    }
    callbacks_.dataChanged();
}

bool DocumentBinding::isReady() const {
    return document_ && document_->state() == DumpDocument::State::Ready;
}

std::shared_ptr<const SiteColumns> DocumentBinding::columns(SiteIndex site) const {
    if (!isReady() || site >= document_->info().sites.size()) return nullptr;
    try {
        return document_->metrics().columns(site);
    } catch (const std::exception& error) {
        qWarning("%s: %s", qPrintable(document_->displayName()), error.what());
        return nullptr;
    }
}

}  // namespace lngeom::widgets
