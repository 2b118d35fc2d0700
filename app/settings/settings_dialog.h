#pragma once
// File ▸ Settings…: the memory budget (megabytes), remembered and given to the files opened next.

#include <QDialog>

class QSpinBox;

namespace lngeom::app {

class DocumentList;

class SettingsDialog : public QDialog {
    Q_OBJECT
  public:
    SettingsDialog(DocumentList* documents, QWidget* parent = nullptr);

    QSpinBox* memoryBudgetField() const { return budget_; }
    // Saves the budget in QSettings and gives it to the document list, then closes.
    void accept() override;

  private:
    DocumentList* documents_;
    QSpinBox* budget_;
};

}  // namespace lngeom::app
