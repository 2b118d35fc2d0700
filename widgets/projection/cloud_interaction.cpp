#include "widgets/projection/cloud_interaction.h"

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCommand.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorObserver.h>
#include <vtkMatrix4x4.h>
#include <vtkRenderer.h>
#include <QMouseEvent>
#include <QWidget>

#include "core/geometry/screen_picking.h"
#include "widgets/document/token_selection.h"
#include "widgets/projection/projection_cloud_actor.h"
#include "widgets/vtk_hosting/vtk_view_widget.h"

namespace lngeom::widgets {
namespace {

// A press and release closer than this (logical pixels) is a click, not a camera drag.
constexpr int kClickSlack = 4;
constexpr double kPickRadius = 7.0;

}  // namespace

Index tokenUnderMouse(VtkViewWidget* scene, const PointRows& points,
                      const std::vector<Index>& tokens, QPoint position, long stride) {
    vtkRenderer* renderer = scene->renderer();
    vtkMatrix4x4* matrix = renderer->GetActiveCamera()->GetCompositeProjectionTransformMatrix(
        renderer->GetTiledAspectRatio(), -1, 1);
    ScreenPick pick;
    for (int row = 0; row < 4; ++row)
        for (int column = 0; column < 4; ++column)
            pick.world_to_clip(row, column) = matrix->GetElement(row, column);
    const double ratio = scene->devicePixelRatioF();
    // In device pixels of the widget, whatever resolution VTK renders at.
    pick.viewport_size = {scene->width() * ratio, scene->height() * ratio};
    pick.position = {position.x() * ratio, (scene->height() - position.y()) * ratio};
    pick.radius = kPickRadius * ratio;
    pick.stride = stride;
    const Index row = pick_point(points, pick);
    return row < 0 ? -1 : tokens[std::size_t(row)];
}

PointRows selectedPoints(const PointRows& points, const std::vector<Index>& tokens,
                         const TokenSelection& selection, std::size_t limit) {
    std::vector<Index> rows;
    for (std::size_t row = 0; row < tokens.size() && rows.size() < limit; ++row)
        if (selection.contains(tokens[row])) rows.push_back(Index(row));
    PointRows markers(Index(rows.size()), 3);
    for (std::size_t i = 0; i < rows.size(); ++i) markers.row(Index(i)) = points.row(rows[i]);
    return markers;
}

void simplifyWhileMoving(VtkViewWidget* scene, ProjectionCloudActor* points, double movingScale) {
    struct Target {
        VtkViewWidget* scene;
        ProjectionCloudActor* points;
        double movingScale;
    };
    vtkInteractorObserver* style = scene->interactor()->GetInteractorStyle();
    for (unsigned long event :
         {vtkCommand::StartInteractionEvent, vtkCommand::EndInteractionEvent}) {
        vtkNew<vtkCallbackCommand> command;
        command->SetClientData(new Target{scene, points, movingScale});
        command->SetClientDataDeleteCallback(
            [](void* target) { delete static_cast<Target*>(target); });
        command->SetCallback([](vtkObject*, unsigned long id, void* data, void*) {
            const auto* target = static_cast<Target*>(data);
            const bool moving = id == vtkCommand::StartInteractionEvent;
            target->points->setMoving(moving);
            target->scene->setRenderScale(moving ? target->movingScale : 1.0);
        });
        style->AddObserver(event, command);
    }
}

ClickWatcher::ClickWatcher(QWidget* watched) : QObject(watched) {
    watched->installEventFilter(this);
}

bool ClickWatcher::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonPress) {
        pressPosition_ = static_cast<QMouseEvent*>(event)->position().toPoint();
    } else if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        const QPoint position = mouse->position().toPoint();
        if (mouse->button() == Qt::LeftButton &&
            (position - pressPosition_).manhattanLength() <= kClickSlack)
            emit clicked(position);
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace lngeom::widgets
