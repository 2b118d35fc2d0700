#include "app/messages/vtk_message_forwarding.h"

#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkOutputWindow.h>
#include <QPointer>

#include "app/messages/message_log.h"

namespace lngeom::app {
namespace {

class MessageLogOutputWindow : public vtkOutputWindow {
  public:
    static MessageLogOutputWindow* New();
    vtkTypeMacro(MessageLogOutputWindow, vtkOutputWindow);

    void setLog(MessageLog* log) { log_ = log; }

    void DisplayText(const char* text) override {
        if (MessageLog* log = log_.data())
            log->add(severityOf(GetCurrentMessageType()), "VTK", QString::fromUtf8(text));
        else
            vtkOutputWindow::DisplayText(text);
    }

  private:
    // VTK keeps its message types protected, so only a subclass can map them.
    static MessageSeverity severityOf(MessageTypes type) {
        switch (type) {
            case MESSAGE_TYPE_ERROR:
                return MessageSeverity::Error;
            case MESSAGE_TYPE_WARNING:
            case MESSAGE_TYPE_GENERIC_WARNING:
                return MessageSeverity::Warning;
            default:
                return MessageSeverity::Info;
        }
    }

    QPointer<MessageLog> log_;
};

vtkStandardNewMacro(MessageLogOutputWindow);

}  // namespace

void forwardVtkMessagesTo(MessageLog* log) {
    vtkNew<MessageLogOutputWindow> window;
    window->setLog(log);
    vtkOutputWindow::SetInstance(window);
}

}  // namespace lngeom::app
