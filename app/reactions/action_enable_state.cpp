#include "app/reactions/action_enable_state.h"

#include <QAction>

#include "app/files/document_list.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {

bool isOffered(const DocumentList& documents, ActionNeeds needs) {
    const widgets::DumpDocument* current = documents.current();
    switch (needs) {
        case ActionNeeds::OpenFile:
            return current != nullptr;
        case ActionNeeds::ComputedFile:
            return current && current->state() == widgets::DumpDocument::State::Ready;
        case ActionNeeds::RunningPass:
            break;
    }
    return !documents.loading().empty();
}

void enableWhen(QAction* action, DocumentList* documents, ActionNeeds needs) {
    const auto update = [action, documents, needs] {
        action->setEnabled(isOffered(*documents, needs));
    };
    for (auto signal : {&DocumentList::added, &DocumentList::removed, &DocumentList::currentChanged,
                        &DocumentList::stateChanged})
        QObject::connect(documents, signal, action, update);
    update();
}

}  // namespace lngeom::app
