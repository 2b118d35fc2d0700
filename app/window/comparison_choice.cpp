#include "app/window/comparison_choice.h"

#include <algorithm>

#include "app/files/document_list.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

ComparisonChoice::ComparisonChoice(DocumentList* documents)
    : QObject(documents), documents_(documents) {
    connect(documents, &DocumentList::added, this, &ComparisonChoice::update);
    connect(documents, &DocumentList::removed, this, &ComparisonChoice::update);
    connect(documents, &DocumentList::currentChanged, this, &ComparisonChoice::update);
    connect(documents, &DocumentList::stateChanged, this, &ComparisonChoice::update);
    update();
}

widgets::DumpDocument* ComparisonChoice::comparison() const { return comparison_; }

void ComparisonChoice::choose(widgets::DumpDocument* document) {
    picked_ = document;
    update();
}

void ComparisonChoice::update() {
    const auto& open = documents_->documents();
    const bool pickStands =
        picked_ && *picked_ != documents_->current() &&
        (!*picked_ || std::find(open.begin(), open.end(), *picked_) != open.end());
    if (!pickStands) picked_.reset();
    widgets::DumpDocument* chosen = picked_.value_or(nullptr);
    for (widgets::DumpDocument* document : open)
        if (!picked_ && document != documents_->current() && !chosen &&
            document->state() != widgets::DumpDocument::State::Failed)
            chosen = document;
    if (chosen == comparison_) return;
    comparison_ = chosen;
    emit changed(chosen);
}

}  // namespace lngeom::app
