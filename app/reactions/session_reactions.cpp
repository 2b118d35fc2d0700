#include "app/reactions/session_reactions.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QStatusBar>

#include "app/messages/message_log.h"
#include "app/reactions/action_enable_state.h"
#include "app/session/session_state.h"
#include "app/window/main_window.h"

namespace lngeom::app {
namespace {

const char* const kSessionFilter = QT_TRANSLATE_NOOP("Session", "lngeom sessions (*.json)");
// How long the status bar confirms a saved session.
constexpr int kConfirmationMs = 8000;

}  // namespace

SaveSessionReaction::SaveSessionReaction(QAction* action, MainWindow* window, MessageLog* log)
    : Reaction(action), window_(window), log_(log) {
    enableWhen(action, window->documents(), ActionNeeds::OpenFile);
}

void SaveSessionReaction::onTriggered() {
    const QString path = QFileDialog::getSaveFileName(window_, tr("Save session"),
                                                      "lngeom-session.json", tr(kSessionFilter));
    if (path.isEmpty()) return;
    try {
        writeSessionFile(captureSession(*window_), path);
        log_->add(MessageSeverity::Info, QFileInfo(path).fileName(), tr("session saved"));
        window_->statusBar()->showMessage(tr("Session saved to %1").arg(path), kConfirmationMs);
    } catch (const SessionError& error) {
        log_->add(MessageSeverity::Error, QFileInfo(path).fileName(), error.what());
    }
}

OpenSessionReaction::OpenSessionReaction(QAction* action, MainWindow* window, MessageLog* log)
    : Reaction(action), window_(window), log_(log) {}

bool OpenSessionReaction::openSession(MainWindow* window, MessageLog* log, const QString& path) {
    try {
        restoreSession(*window, readSessionFile(path));
        log->add(MessageSeverity::Info, QFileInfo(path).fileName(), tr("session restored"));
        return true;
    } catch (const SessionError& error) {
        log->add(MessageSeverity::Error, QFileInfo(path).fileName(), error.what());
        return false;
    }
}

void OpenSessionReaction::onTriggered() {
    const QString path =
        QFileDialog::getOpenFileName(window_, tr("Open session"), QString(), tr(kSessionFilter));
    if (!path.isEmpty()) openSession(window_, log_, path);
}

}  // namespace lngeom::app
