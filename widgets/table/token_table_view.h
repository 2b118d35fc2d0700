#pragma once
// The token table with its search box and metric-range filter; selecting rows selects those
// tokens in every view, and a selection made elsewhere selects (and shows) its rows here. Over
// more rows than its window holds (token_table_window.h), a scroll bar of its own spans every
// row and the window follows it.

#include <QWidget>

#include <memory>

#include "widgets/table/token_table_model.h"
#include "widgets/table/token_table_window.h"

class QComboBox;
class QDoubleSpinBox;
class QItemSelection;
class QLabel;
class QLineEdit;
class QScrollBar;
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
    explicit TokenTableView(QWidget* parent = nullptr,
                            int windowRows = TokenTableWindow::kDefaultMaxRows);
    ~TokenTableView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    void setSettings(const TokenTableSettings& settings);
    TokenTableSettings settings() const;

    TokenTableModel* model() const { return model_; }
    // What the table shows of the model's rows (all of them up to its window's size).
    TokenTableWindow* window() const { return window_; }
    QTableView* table() const { return table_; }
    // The scroll bar over every row, shown when the rows outnumber the window.
    QScrollBar* rowScrollBar() const { return rowScroll_; }
    // Scrolls so that the model's `row` is at the top, moving the window if it must.
    void scrollToRow(Index row);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    void buildControls();
    void applyFilterControls();
    void showFilterInControls();
    void writeSelection();
    void readSelection(QObject* source);
    void showSelectedRows(std::vector<std::int64_t> rows);
    void selectRunsInWindow();
    void updateCount();
    void updateRowScrollBar();
    void followTableScroll(int value);
    bool nearWindowEdge(int top) const;
    void moveWindowAround(Index row);
    void goToRow(Index row);

    TokenTableModel* model_;
    TokenTableWindow* window_;
    std::unique_ptr<DocumentBinding> binding_;
    QTableView* table_;
    QScrollBar* rowScroll_;
    QLineEdit* search_;
    QComboBox* rangeMetric_;
    QDoubleSpinBox* low_;
    QDoubleSpinBox* high_;
    QLabel* count_;
    bool applyingSelection_ = false;
    bool scrolling_ = false;  // the two scroll bars are being brought in line
    // The selected rows (model rows, first and last of each run), kept to select them again in
    // a moved window; empty when there are too many runs for Qt's selection model.
    std::vector<std::pair<std::int64_t, std::int64_t>> selectedRuns_;
    std::unique_ptr<ViewJobs> selectionJobs_;  // last: its worker is joined before the rest goes
};

}  // namespace lngeom::widgets
