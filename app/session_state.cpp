#include "app/session_state.h"

#include <QFileInfo>

#include "app/document_list.h"
#include "app/main_window.h"
#include "app/theme.h"
#include "widgets/dump_document.h"
#include "widgets/histogram_view.h"
#include "widgets/token_selection.h"

namespace lngeom::app {
namespace {

using widgets::DumpDocument;

SessionFile captureFile(const DumpDocument& document) {
    SessionFile file{QFileInfo(document.path()).absoluteFilePath(),
                     document.dataset(),
                     document.currentSite(),
                     {}};
    if (document.selection()) file.selection = document.selection()->tokens();
    return file;
}

// The site and selection only exist once the file is open.
void applyWhenOpen(DumpDocument* document, const SessionFile& file) {
    auto* once = new QObject(document);
    QObject::connect(document, &DumpDocument::infoReady, once, [document, file, once] {
        document->setCurrentSite(file.site);
        document->selection()->setTokens(file.selection);
        once->deleteLater();
    });
}

}  // namespace

Session captureSession(const MainWindow& window) {
    Session session;
    const auto& documents = window.documents()->documents();
    for (std::size_t index = 0; index < documents.size(); ++index) {
        session.files.push_back(captureFile(*documents[index]));
        if (documents[index] == window.documents()->current()) session.current = int(index);
    }
    session.histogram = window.histogramView()->settings();
    session.layout = window.saveState();
    session.theme = themeKey(currentTheme());
    return session;
}

void restoreSession(MainWindow& window, const Session& session) {
    DocumentList* documents = window.documents();
    while (!documents->documents().empty()) documents->close(documents->documents().back());
    std::vector<DumpDocument*> opened;
    for (const SessionFile& file : session.files) {
        opened.push_back(documents->open(file.path, file.dataset));
        applyWhenOpen(opened.back(), file);
    }
    if (session.current >= 0 && session.current < int(opened.size()))
        documents->setCurrent(opened[std::size_t(session.current)]);
    window.histogramView()->setSettings(session.histogram);
    if (!session.layout.isEmpty()) window.restoreState(session.layout);
    if (const std::optional<Theme> theme = themeFromKey(session.theme)) applyTheme(*theme);
}

}  // namespace lngeom::app
