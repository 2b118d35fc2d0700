#include "app/reactions/export_report.h"

#include <QFileInfo>
#include <QStatusBar>

#include "app/messages/message_log.h"

namespace lngeom::app {
namespace {

constexpr int kStatusMessageMs = 10000;

}  // namespace

ExportReport::ExportReport(QStatusBar* statusBar, MessageLog* log)
    : statusBar_(statusBar), log_(log) {}

void ExportReport::written(const QString& path, const QString& text) {
    statusBar_->showMessage(text, kStatusMessageMs);
    log_->add(MessageSeverity::Info, QFileInfo(path).fileName(), text);
}

void ExportReport::failed(const QString& path, const QString& reason) {
    const QString text = reason.contains(path) ? reason : path + ": " + reason;
    statusBar_->showMessage(text, kStatusMessageMs);
    log_->add(MessageSeverity::Error, QFileInfo(path).fileName(), "not exported: " + text);
}

void ExportReport::nothingToExport(const QString& text) {
    statusBar_->showMessage(text, kStatusMessageMs);
    log_->add(MessageSeverity::Warning, "lngeom", text);
}

}  // namespace lngeom::app
