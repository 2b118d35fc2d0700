#pragma once
// VTK prints its errors and warnings through a global vtkOutputWindow; this routes them into
// the message panel instead of a terminal the user may not have.

namespace lngeom::app {

class MessageLog;

// Installs the forwarding output window; messages arriving after `log` is gone are dropped.
void forwardVtkMessagesTo(MessageLog* log);

}  // namespace lngeom::app
