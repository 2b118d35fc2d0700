#include "app/comparison_choice.h"

#include "app/document_list.h"

namespace lngeom::app {

ComparisonChoice::ComparisonChoice(DocumentList* documents)
    : QObject(documents), documents_(documents) {
    connect(documents, &DocumentList::added, this, &ComparisonChoice::update);
    connect(documents, &DocumentList::removed, this, &ComparisonChoice::update);
    connect(documents, &DocumentList::currentChanged, this, &ComparisonChoice::update);
    update();
}

widgets::DumpDocument* ComparisonChoice::comparison() const { return comparison_; }

void ComparisonChoice::update() {
    widgets::DumpDocument* chosen = nullptr;
    for (widgets::DumpDocument* document : documents_->documents())
        if (document != documents_->current() && !chosen) chosen = document;
    if (chosen == comparison_) return;
    comparison_ = chosen;
    emit changed(chosen);
}

}  // namespace lngeom::app
