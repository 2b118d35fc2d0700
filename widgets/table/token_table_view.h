#pragma once
// The token table with its search box and metric-range filter; selecting rows selects those
// tokens in every view, and a selection made elsewhere selects (and shows) its rows here.

#include <QWidget>

#include <memory>

#include "widgets/table/token_table_model.h"

class QComboBox;
class QDoubleSpinBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QTableView;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;
class ViewJobs;

struct TokenTableSettings {
    TokenTableFilter filter;
    int sortColumn = TokenTableModel::TokenColumn;
    Qt::SortOrder sortOrder = Qt::AscendingOrder;
};

class TokenTableView : public QWidget {
    Q_OBJECT
  public:
    explicit TokenTableView(QWidget* parent = nullptr);
    ~TokenTableView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    void setSettings(const TokenTableSettings& settings);
    TokenTableSettings settings() const;

    TokenTableModel* model() const { return model_; }
    QTableView* table() const { return table_; }

  private:
    void buildControls();
    void applyFilterControls();
    void showFilterInControls();
    void writeSelection();
    void readSelection(QObject* source);
    void showSelectedRows(std::vector<std::int64_t> rows);
    void updateCount();

    TokenTableModel* model_;
    std::unique_ptr<DocumentBinding> binding_;
    QTableView* table_;
    QLineEdit* search_;
    QComboBox* rangeMetric_;
    QDoubleSpinBox* low_;
    QDoubleSpinBox* high_;
    QLabel* count_;
    bool applyingSelection_ = false;
    std::unique_ptr<ViewJobs> selectionJobs_;  // last: its worker is joined before the rest goes
};

}  // namespace lngeom::widgets
