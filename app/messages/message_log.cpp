#include "app/messages/message_log.h"

#include <QMetaObject>
#include <QPointer>

namespace lngeom::app {
namespace {

QPointer<MessageLog> qtMessageTarget;
QtMessageHandler previousQtHandler = nullptr;

MessageSeverity severityOf(QtMsgType type) {
    switch (type) {
        case QtDebugMsg:
        case QtInfoMsg:
            return MessageSeverity::Info;
        case QtWarningMsg:
            return MessageSeverity::Warning;
        case QtCriticalMsg:
        case QtFatalMsg:
            return MessageSeverity::Error;
    }
    return MessageSeverity::Warning;
}

void forwardQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (MessageLog* log = qtMessageTarget.data()) log->add(severityOf(type), "Qt", text);
    if (previousQtHandler) previousQtHandler(type, context, text);
}

}  // namespace

MessageLog::MessageLog(QObject* parent) : QObject(parent) {}

MessageLog::~MessageLog() {
    if (capturingQt_) qInstallMessageHandler(previousQtHandler);
}

void MessageLog::add(MessageSeverity severity, const QString& source, const QString& text) {
    const LogMessage message{QDateTime::currentDateTime(), severity, source, text.trimmed()};
    QMetaObject::invokeMethod(
        this, [this, message] { append(message); }, Qt::QueuedConnection);
}

void MessageLog::captureQtMessages() {
    if (capturingQt_) return;
    capturingQt_ = true;
    qtMessageTarget = this;
    previousQtHandler = qInstallMessageHandler(forwardQtMessage);
}

void MessageLog::append(const LogMessage& message) {
    messages_.push_back(message);
    emit messageAdded(message);
}

}  // namespace lngeom::app
