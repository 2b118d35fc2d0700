#pragma once
// Runs the timers a VTK interactor asks for (CreateTimerEvent / DestroyTimerEvent) as QTimers,
// so animations and timer-driven interactor styles work inside the Qt event loop.

#include <QObject>

#include <vtkGenericRenderWindowInteractor.h>
#include <vtkSmartPointer.h>

#include <map>

class QTimer;
class vtkObject;

namespace lngeom::widgets {

class VtkTimerBridge : public QObject {
    Q_OBJECT
  public:
    VtkTimerBridge(vtkGenericRenderWindowInteractor* interactor, QObject* parent);
    ~VtkTimerBridge() override;

  private:
    void onCreateTimer(vtkObject* caller, unsigned long event, void* callData);
    void onDestroyTimer(vtkObject* caller, unsigned long event, void* callData);
    void fire(int platformId);

    // Shared ownership: Qt deletes this bridge after its owner's VTK members are gone.
    vtkSmartPointer<vtkGenericRenderWindowInteractor> interactor_;
    unsigned long createTag_ = 0;
    unsigned long destroyTag_ = 0;
    std::map<int, QTimer*> timers_;
};

}  // namespace lngeom::widgets
