#pragma once
// The paper's Tables 2–4 (angle to 1, norms, rotation per site) for the open dump and an
// optional second one, as aligned text, Markdown, CSV or JSON (core/stats_report), copyable.

#include <QWidget>

#include <memory>

class QComboBox;
class QPlainTextEdit;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;

enum class TablesFormat { Table, Markdown, Csv, Json };

struct PaperTablesSettings {
    TablesFormat format = TablesFormat::Table;
};

class PaperTablesView : public QWidget {
    Q_OBJECT
  public:
    explicit PaperTablesView(QWidget* parent = nullptr);
    ~PaperTablesView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;
    void setComparisonDocument(DumpDocument* document);
    DumpDocument* comparisonDocument() const;

    void setSettings(const PaperTablesSettings& settings);
    const PaperTablesSettings& settings() const { return settings_; }

    // The text shown: one report per ready document, the comparison's after the first.
    QString text() const;
    // Puts text() on the clipboard.
    void copyToClipboard() const;

  private:
    void refresh();

    PaperTablesSettings settings_;
    std::unique_ptr<DocumentBinding> binding_;
    std::unique_ptr<DocumentBinding> comparison_;
    QComboBox* formatBox_;
    QPlainTextEdit* text_;
};

}  // namespace lngeom::widgets
