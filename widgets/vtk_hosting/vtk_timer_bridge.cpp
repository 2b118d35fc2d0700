#include "widgets/vtk_hosting/vtk_timer_bridge.h"

#include <vtkCommand.h>
#include <QTimer>

namespace lngeom::widgets {

VtkTimerBridge::VtkTimerBridge(vtkGenericRenderWindowInteractor* interactor, QObject* parent)
    : QObject(parent), interactor_(interactor) {
    createTag_ = interactor_->AddObserver(vtkCommand::CreateTimerEvent, this,
                                          &VtkTimerBridge::onCreateTimer);
    destroyTag_ = interactor_->AddObserver(vtkCommand::DestroyTimerEvent, this,
                                           &VtkTimerBridge::onDestroyTimer);
}

VtkTimerBridge::~VtkTimerBridge() {
    interactor_->RemoveObserver(createTag_);
    interactor_->RemoveObserver(destroyTag_);
}

// The generic interactor re-creates repeating timers after each shot (TimerEventResetsTimer),
// so every Qt timer here is single-shot.
void VtkTimerBridge::onCreateTimer(vtkObject*, unsigned long, void* callData) {
    const int platformId = *static_cast<int*>(callData);
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setInterval(interactor_->GetTimerEventDuration());
    connect(timer, &QTimer::timeout, this, [this, platformId] { fire(platformId); });
    timers_[platformId] = timer;
    interactor_->SetTimerEventPlatformId(platformId);
    timer->start();
}

void VtkTimerBridge::onDestroyTimer(vtkObject*, unsigned long, void* callData) {
    const int platformId = *static_cast<int*>(callData);
    const auto found = timers_.find(platformId);
    if (found == timers_.end()) return;
    found->second->stop();
    // The timer may be the one whose timeout is running right now.
    found->second->deleteLater();
    timers_.erase(found);
}

void VtkTimerBridge::fire(int platformId) {
    interactor_->SetTimerEventPlatformId(platformId);
    interactor_->TimerEvent();
}

}  // namespace lngeom::widgets
