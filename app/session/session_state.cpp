#include "app/session/session_state.h"

#include <QFileInfo>

#include <algorithm>

#include "app/files/document_list.h"
#include "app/window/comparison_choice.h"
#include "app/window/main_window.h"
#include "app/window/theme.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/io_curve_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/charts/massive_view.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"
#include "widgets/ellipsoid/ellipsoid_view.h"
#include "widgets/projection/projection_view.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/table/token_table_view.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::app {
namespace {

using widgets::DumpDocument;

SessionFile captureFile(const DumpDocument& document) {
    SessionFile file{QFileInfo(document.path()).absoluteFilePath(),
                     document.dataset(),
                     document.currentSite(),
                     {}};
    if (document.selection()) file.selection = document.selection()->set().to_vector();
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

StepThroughState captureStepThrough(const widgets::StepThroughPanel& panel) {
    return {panel.settings(), panel.tokens(), panel.teachingVector()};
}

// The panel walks the selected tokens once its document is ready; tokens chosen apart from the
// selection apply after that (queued behind the panel's own handler).
void restoreStepThrough(widgets::StepThroughPanel& panel, DumpDocument* current,
                        const StepThroughState& state) {
    panel.setSettings(state.settings);
    panel.setTeachingVector(state.teachingVector);
    if (state.tokens.empty() || !current) return;
    auto* once = new QObject(current);
    QObject::connect(
        current, &DumpDocument::ready, once,
        [&panel, tokens = state.tokens, once] {
            panel.setTokens(tokens);
            once->deleteLater();
        },
        Qt::QueuedConnection);
}

std::optional<int> captureComparison(const MainWindow& window) {
    const std::optional<DumpDocument*> picked = window.comparisonChoice()->picked();
    if (!picked) return std::nullopt;
    const auto& documents = window.documents()->documents();
    const auto found = std::find(documents.begin(), documents.end(), *picked);
    return found == documents.end() ? -1 : int(found - documents.begin());
}

void restoreViews(MainWindow& window, const Session& session) {
    const ViewSet& views = window.views();
    views.histogram->setSettings(session.histogram);
    views.heatmap->setSettings(session.heatmap);
    views.curves->setSettings(session.curves);
    views.projection->setSettings(session.projection);
    views.ellipsoid->setSettings(session.ellipsoid);
    views.table->setSettings(session.table);
    views.massive->setThresholds(session.massive);
    views.ioCurve->setColouring(session.ioCurve);
}

}  // namespace

Session captureSession(const MainWindow& window) {
    Session session;
    const auto& documents = window.documents()->documents();
    for (std::size_t index = 0; index < documents.size(); ++index) {
        session.files.push_back(captureFile(*documents[index]));
        if (documents[index] == window.documents()->current()) session.current = int(index);
    }
    session.comparison = captureComparison(window);
    const ViewSet& views = window.views();
    session.histogram = views.histogram->settings();
    session.heatmap = views.heatmap->settings();
    session.curves = views.curves->settings();
    session.stepThrough = captureStepThrough(*views.stepThrough);
    session.projection = views.projection->settings();
    session.ellipsoid = views.ellipsoid->settings();
    session.ellipsoid.teaching = false;
    session.table = views.table->settings();
    session.massive = views.massive->thresholds();
    session.ioCurve = views.ioCurve->colouring();
    session.camera = views.projection->sceneView()->cameraPose();
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
    const auto openedAt = [&opened](std::optional<int> index) -> DumpDocument* {
        return index && *index >= 0 && *index < int(opened.size()) ? opened[std::size_t(*index)]
                                                                   : nullptr;
    };
    if (DumpDocument* current = openedAt(session.current)) documents->setCurrent(current);
    if (session.comparison) window.comparisonChoice()->choose(openedAt(session.comparison));
    restoreViews(window, session);
    restoreStepThrough(*window.views().stepThrough, openedAt(session.current), session.stepThrough);
    widgets::ProjectionView* projection = window.views().projection;
    // The view frames each new cloud; the saved camera applies once the restored one is shown.
    if (session.camera) {
        auto* once = new QObject(projection);
        QObject::connect(projection, &widgets::ProjectionView::cloudShown, once,
                         [projection, camera = *session.camera, once] {
                             projection->sceneView()->setCameraPose(camera);
                             once->deleteLater();
                         });
    }
    if (!session.layout.isEmpty()) window.restoreState(session.layout);
    if (const std::optional<Theme> theme = themeFromKey(session.theme)) applyTheme(*theme);
}

}  // namespace lngeom::app
