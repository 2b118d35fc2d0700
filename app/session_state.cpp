#include "app/session_state.h"

#include <vtkCamera.h>
#include <vtkRenderer.h>
#include <QFileInfo>

#include "app/document_list.h"
#include "app/main_window.h"
#include "app/theme.h"
#include "widgets/dump_document.h"
#include "widgets/histogram_view.h"
#include "widgets/projection_view.h"
#include "widgets/token_selection.h"
#include "widgets/token_table_view.h"
#include "widgets/vtk_view_widget.h"

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

CameraState captureCamera(vtkCamera& camera) {
    CameraState state;
    camera.GetPosition(state.position);
    camera.GetFocalPoint(state.focalPoint);
    camera.GetViewUp(state.viewUp);
    state.viewAngle = camera.GetViewAngle();
    return state;
}

void restoreCamera(widgets::ProjectionView& view, const CameraState& state) {
    vtkCamera* camera = view.sceneView()->renderer()->GetActiveCamera();
    camera->SetPosition(state.position);
    camera->SetFocalPoint(state.focalPoint);
    camera->SetViewUp(state.viewUp);
    camera->SetViewAngle(state.viewAngle);
    view.sceneView()->renderer()->ResetCameraClippingRange();
    view.sceneView()->requestRender();
}

}  // namespace

Session captureSession(const MainWindow& window) {
    Session session;
    const auto& documents = window.documents()->documents();
    for (std::size_t index = 0; index < documents.size(); ++index) {
        session.files.push_back(captureFile(*documents[index]));
        if (documents[index] == window.documents()->current()) session.current = int(index);
    }
    session.histogram = window.views().histogram->settings();
    session.projection = window.views().projection->settings();
    session.table = window.views().table->settings();
    session.camera =
        captureCamera(*window.views().projection->sceneView()->renderer()->GetActiveCamera());
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
    window.views().histogram->setSettings(session.histogram);
    widgets::ProjectionView* projection = window.views().projection;
    projection->setSettings(session.projection);
    window.views().table->setSettings(session.table);
    // The view frames each new cloud; the saved camera applies once the restored one is shown.
    if (session.camera) {
        auto* once = new QObject(projection);
        QObject::connect(projection, &widgets::ProjectionView::cloudShown, once,
                         [projection, camera = *session.camera, once] {
                             restoreCamera(*projection, camera);
                             once->deleteLater();
                         });
    }
    if (!session.layout.isEmpty()) window.restoreState(session.layout);
    if (const std::optional<Theme> theme = themeFromKey(session.theme)) applyTheme(*theme);
}

}  // namespace lngeom::app
