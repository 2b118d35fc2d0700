#pragma once
// Every message the user should be able to read back: Qt's (qDebug … qFatal), VTK's output
// window, and the app's own reports (a file that failed to open, a cancelled pass). Messages may
// come from any thread; they are delivered on the thread the log lives in, in order.

#include <QDateTime>
#include <QObject>
#include <QString>

#include <vector>

namespace lngeom::app {

enum class MessageSeverity { Info, Warning, Error };

struct LogMessage {
    QDateTime time;
    MessageSeverity severity = MessageSeverity::Info;
    QString source;  // "Qt", "VTK", "lngeom", or a file name
    QString text;
};

class MessageLog : public QObject {
    Q_OBJECT
  public:
    explicit MessageLog(QObject* parent = nullptr);
    ~MessageLog() override;

    // Thread-safe: queued to the log's thread.
    void add(MessageSeverity severity, const QString& source, const QString& text);
    const std::vector<LogMessage>& messages() const { return messages_; }

    // Routes Qt's messages here (and still to stderr) until this log is destroyed.
    void captureQtMessages();

  signals:
    void messageAdded(const lngeom::app::LogMessage& message);

  private:
    void append(const LogMessage& message);

    std::vector<LogMessage> messages_;
    bool capturingQt_ = false;
};

}  // namespace lngeom::app
