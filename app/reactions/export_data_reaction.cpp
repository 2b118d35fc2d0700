#include "app/reactions/export_data_reaction.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QStatusBar>

#include <exception>

#include "core/errors.h"
#include "core/io/atomic_file.h"
#include "core/reports/metrics_export.h"
#include "core/reports/metrics_export_hdf5.h"
#include "core/reports/stats_report.h"
#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"

namespace lngeom::app {
namespace {

ReportFormat statisticsFormat(const std::string& path) {
    const QString suffix = QFileInfo(QString::fromStdString(path)).suffix();
    if (suffix == "json") return ReportFormat::Json;
    if (suffix == "csv") return ReportFormat::Csv;
    if (suffix == "txt") return ReportFormat::Table;
    throw Error(path, "", "is not a statistics format lngeom writes (use .json, .csv or .txt)");
}

}  // namespace

ExportDataReaction::ExportDataReaction(QAction* action, DataExportKind kind,
                                       DocumentSource document, QStatusBar* statusBar,
                                       MessageLog* log)
    : Reaction(action), kind_(kind), document_(std::move(document)), report_(statusBar, log) {}

void ExportDataReaction::write(const widgets::DumpDocument& document,
                               const std::string& path) const {
    if (kind_ == DataExportKind::SiteStatistics)
        return write_file_atomically(path, format_report(statisticsFormat(path), document.info(),
                                                         document.metrics().summaries()));
    if (kind_ == DataExportKind::AllTokens &&
        QFileInfo(QString::fromStdString(path)).suffix() == "h5")
        return write_token_metrics_hdf5(path, *document.dump(), document.metrics());
    TokenMetricsRequest request;
    if (kind_ == DataExportKind::SelectedTokens) {
        request.selection = document.selection()->snapshot();
        if (request.selection->empty()) throw Error(path, "", "not written: no token is selected");
    }
    write_file_atomically(path, [&](std::ostream& out) {
        write_token_metrics_csv(out, *document.dump(), document.metrics(), request);
    });
}

bool ExportDataReaction::exportTo(const QString& path) {
    const widgets::DumpDocument* document = document_();
    if (!document || document->state() != widgets::DumpDocument::State::Ready) {
        report_.nothingToExport(tr("Nothing to export yet: no dump with metrics is open."));
        return false;
    }
    try {
        write(*document, path.toStdString());
    } catch (const std::exception& error) {
        report_.failed(path, QString::fromUtf8(error.what()));
        return false;
    }
    report_.written(path, tr("Saved %1").arg(path));
    return true;
}

void ExportDataReaction::onTriggered() {
    const bool statistics = kind_ == DataExportKind::SiteStatistics;
    const QString path = QFileDialog::getSaveFileName(
        report_.statusBar()->window(),
        statistics ? tr("Export Site Statistics") : tr("Export Token Metrics"),
        statistics ? "statistics.json" : "token-metrics.csv",
        statistics                           ? tr("JSON (*.json);;CSV (*.csv);;Text table (*.txt)")
        : kind_ == DataExportKind::AllTokens ? tr("CSV (*.csv);;HDF5 (*.h5)")
                                             : tr("CSV (*.csv)"));
    if (!path.isEmpty()) exportTo(path);
}

}  // namespace lngeom::app
