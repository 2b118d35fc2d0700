#pragma once
// The Messages dock: the message log as a list, newest at the bottom, errors in red.

#include <QWidget>

class QPlainTextEdit;

namespace lngeom::app {

class MessageLog;
struct LogMessage;

class MessagePanel : public QWidget {
    Q_OBJECT
  public:
    explicit MessagePanel(MessageLog* log, QWidget* parent = nullptr);

    QString plainText() const;

  signals:
    // An error arrived, so the window can bring the panel forward.
    void errorShown();

  private:
    void show(const LogMessage& message);

    QPlainTextEdit* text_;
};

}  // namespace lngeom::app
