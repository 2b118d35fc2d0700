#pragma once
// ParaView's reactions keep their action's enable state: an action that cannot do anything now is
// greyed out instead of failing when triggered. What an action needs of the open files, and a
// watcher that enables it exactly when the window's files offer it.

class QAction;

namespace lngeom::app {

class DocumentList;

enum class ActionNeeds {
    OpenFile,      // a current file (Close, Save Session)
    ComputedFile,  // a current file whose metrics are computed (Export Figure, Export Data)
    RunningPass,   // a metrics pass still running (Cancel)
};

// Whether `documents` offers what an action needs.
bool isOffered(const DocumentList& documents, ActionNeeds needs);

// Enables `action` now and whenever `documents` changes (a file opened, closed, made current or
// done loading) exactly when it is offered what it needs.
void enableWhen(QAction* action, DocumentList* documents, ActionNeeds needs);

}  // namespace lngeom::app
