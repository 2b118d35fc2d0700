#include "app/messages/message_panel.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/messages/message_log.h"

namespace lngeom::app {
namespace {

QString colourOf(MessageSeverity severity) {
    switch (severity) {
        case MessageSeverity::Error:
            return "#d03030";
        case MessageSeverity::Warning:
            return "#c07000";
        case MessageSeverity::Info:
            break;
    }
    return {};
}

}  // namespace

MessagePanel::MessagePanel(MessageLog* log, QWidget* parent)
    : QWidget(parent), text_(new QPlainTextEdit) {
    text_->setReadOnly(true);
    text_->setMaximumBlockCount(5000);
    auto* clear = new QPushButton(tr("Clear"));
    clear->setToolTip(tr("Empty this panel (the log itself is kept)."));
    connect(clear, &QPushButton::clicked, text_, &QPlainTextEdit::clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(text_);
    layout->addWidget(clear, 0, Qt::AlignRight);
    for (const LogMessage& message : log->messages()) show(message);
    connect(log, &MessageLog::messageAdded, this, &MessagePanel::show);
}

QString MessagePanel::plainText() const { return text_->toPlainText(); }

void MessagePanel::show(const LogMessage& message) {
    const QString line = QString("%1 <b>%2</b>: %3")
                             .arg(message.time.toString("HH:mm:ss"), message.source.toHtmlEscaped(),
                                  message.text.toHtmlEscaped());
    const QString colour = colourOf(message.severity);
    text_->appendHtml(
        colour.isEmpty() ? line : QString("<span style='color:%1'>%2</span>").arg(colour, line));
    if (message.severity == MessageSeverity::Error) emit errorShown();
}

}  // namespace lngeom::app
