#include "widgets/document/document_binding.h"

#include <QDebug>

#include <exception>

#include "widgets/document/document_state.h"
#include "widgets/document/token_selection.h"
#include "widgets/support/state_overlay.h"

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
        const auto data = [this] { stateChanged(); };
        connections_.push_back(QObject::connect(document, &DumpDocument::ready, owner_, data));
        const auto site = siteChanged_ ? siteChanged_ : callbacks_.dataChanged;
        connections_.push_back(QObject::connect(document, &DumpDocument::currentSiteChanged, owner_,
                                                [site](int) { site(); }));
        connections_.push_back(QObject::connect(document, &DumpDocument::infoReady, owner_, [this] {
            connectSelection();
            stateChanged();
        }));
        connections_.push_back(QObject::connect(document, &DumpDocument::failed, owner_,
                                                [this](const QString&) { stateChanged(); }));
        connections_.push_back(QObject::connect(document, &DumpDocument::cancelled, owner_, data));
        // By then document() is nullptr: the view lets go of what it showed.
        connections_.push_back(QObject::connect(document, &QObject::destroyed, owner_, data));
        connectSelection();
    }
    stateChanged();
}

void DocumentBinding::showStateOver(QWidget* picture, QString noDocument) {
    if (!overlay_) overlay_ = new StateOverlay(picture);
    noDocumentMessage_ = std::move(noDocument);
    updateOverlay();
}

void DocumentBinding::updateOverlay() {
    if (!overlay_) return;
    overlay_->setMessage(!document_ && !noDocumentMessage_.isEmpty()
                             ? noDocumentMessage_
                             : documentStateMessage(document_));
}

void DocumentBinding::stateChanged() {
    updateOverlay();
    callbacks_.dataChanged();
}

bool DocumentBinding::isReady() const {
    return document_ && document_->state() == DumpDocument::State::Ready;
}

std::shared_ptr<const ColumnSource> DocumentBinding::columns(SiteIndex site) const {
    if (!isReady() || site >= document_->info().sites.size())
        return nullptr;
    try {
        return document_->metrics().columns(site);
    } catch (const std::exception& error) {
        qWarning("%s: %s", qPrintable(document_->displayName()), error.what());
        return nullptr;
    }
}

}  // namespace lngeom::widgets
