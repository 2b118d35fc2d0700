#include "widgets/charts/paper_tables_view.h"

#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/reports/stats_report.h"
#include "widgets/document/document_binding.h"
#include "widgets/document/dump_document.h"

namespace lngeom::widgets {
namespace {

std::string report(TablesFormat format, const DumpDocument& document) {
    const auto& info = document.info();
    const auto& sites = document.metrics().summaries();
    switch (format) {
        case TablesFormat::Markdown:
            return "**" + document.displayName().toStdString() + "**\n\n" +
                   format_markdown(info, sites);
        case TablesFormat::Csv:
            return format_csv(info, sites);
        case TablesFormat::Json:
            return format_json(info, sites);
        case TablesFormat::Table:
            break;
    }
    return format_table(info, sites);
}

}  // namespace

PaperTablesView::PaperTablesView(QWidget* parent)
    : QWidget(parent),
      binding_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); }, {}})),
      comparison_(std::make_unique<DocumentBinding>(
          this, DocumentBinding::Callbacks{[this] { refresh(); }, {}})),
      formatBox_(new QComboBox),
      text_(new QPlainTextEdit) {
    formatBox_->addItem(tr("Aligned table"), int(TablesFormat::Table));
    formatBox_->addItem(tr("Markdown"), int(TablesFormat::Markdown));
    formatBox_->addItem(tr("CSV"), int(TablesFormat::Csv));
    formatBox_->addItem(tr("JSON"), int(TablesFormat::Json));
    auto* copy = new QPushButton(tr("Copy"));
    copy->setToolTip(tr("Copy the tables to the clipboard"));
    text_->setReadOnly(true);
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* controls = new QHBoxLayout;
    controls->addWidget(formatBox_);
    controls->addStretch(1);
    controls->addWidget(copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(text_, 1);
    connect(formatBox_, &QComboBox::activated, this,
            [this] { setSettings({TablesFormat(formatBox_->currentData().toInt())}); });
    connect(copy, &QPushButton::clicked, this, &PaperTablesView::copyToClipboard);
    binding_->showStateOver(text_);
    refresh();
}

PaperTablesView::~PaperTablesView() = default;

void PaperTablesView::setDocument(DumpDocument* document) { binding_->setDocument(document); }

DumpDocument* PaperTablesView::document() const { return binding_->document(); }

void PaperTablesView::setComparisonDocument(DumpDocument* document) {
    comparison_->setDocument(document);
}

DumpDocument* PaperTablesView::comparisonDocument() const { return comparison_->document(); }

void PaperTablesView::setSettings(const PaperTablesSettings& settings) {
    settings_ = settings;
    refresh();
}

QString PaperTablesView::text() const { return text_->toPlainText(); }

void PaperTablesView::copyToClipboard() const { QGuiApplication::clipboard()->setText(text()); }

void PaperTablesView::refresh() {
    formatBox_->setCurrentIndex(formatBox_->findData(int(settings_.format)));
    std::string out;
    for (const DocumentBinding* side : {binding_.get(), comparison_.get()})
        if (side->isReady())
            out += (out.empty() ? "" : "\n") + report(settings_.format, *side->document());
    text_->setPlainText(out.empty() ? tr("No metrics yet.") : QString::fromStdString(out));
}

}  // namespace lngeom::widgets
