#include "app/settings/settings_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "app/files/document_list.h"
#include "app/settings/memory_budget.h"

namespace lngeom::app {

SettingsDialog::SettingsDialog(DocumentList* documents, QWidget* parent)
    : QDialog(parent), documents_(documents), budget_(new QSpinBox(this)) {
    setWindowTitle(tr("Settings"));
    budget_->setObjectName("memory-budget");
    budget_->setRange(int(kMinimumMemoryBudgetMb), int(kMaximumMemoryBudgetMb));
    budget_->setSuffix(tr(" MB"));
    budget_->setSingleStep(256);
    budget_->setValue(int(documents->memoryBudget() >> 20));
    auto* explanation = new QLabel(
        tr("Memory each file may use: its statistics pass, sorting the token table (8 bytes a "
           "row, at most half the budget) and the 3D view's points (at most a quarter). A new "
           "budget applies to the files opened from now on."),
        this);
    explanation->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Memory budget:"), budget_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explanation);
    layout->addWidget(buttons);
}

void SettingsDialog::accept() {
    saveMemoryBudgetMb(budget_->value());
    documents_->setMemoryBudget(memoryBudgetBytes(budget_->value()));
    QDialog::accept();
}

}  // namespace lngeom::app
