#include "app/files/dataset_picker_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/files/dataset_lister.h"
#include "app/files/dump_description.h"

namespace lngeom::app {

QString datasetReading(const DatasetCandidate& candidate) {
    const std::vector<Index>& shape = candidate.shape;
    if (shape.size() == 2) return QObject::tr("%1 tokens × d %2").arg(shape[0]).arg(shape[1]);
    return QObject::tr("%1 layers × %2 tokens × d %3").arg(shape[0]).arg(shape[1]).arg(shape[2]);
}

DatasetPickerDialog::DatasetPickerDialog(const QString& path, DatasetLister* lister,
                                         QWidget* parent)
    : QDialog(parent),
      path_(path),
      lister_(lister),
      explanation_(new QLabel),
      progress_(new QProgressBar),
      list_(new QTreeWidget) {
    setWindowTitle(tr("Choose the dataset of hidden vectors"));
    explanation_->setWordWrap(true);
    explanation_->setText(
        tr("Reading the datasets of <b>%1</b>…").arg(QFileInfo(path).fileName().toHtmlEscaped()));
    progress_->setRange(0, 0);
    list_->setHeaderLabels({tr("Dataset"), tr("Shape"), tr("Type"), tr("Read as")});
    list_->setRootIsDecorated(false);
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    openButton_ = buttons->button(QDialogButtonBox::Open);
    openButton_->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(list_, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation_);
    layout->addWidget(progress_);
    layout->addWidget(list_);
    layout->addWidget(buttons);
    resize(640, 320);
    connect(lister, &DatasetLister::listed, this,
            [this](const QString&, const std::vector<DatasetCandidate>& candidates) {
                showCandidates(candidates);
            });
    connect(lister, &DatasetLister::failed, this,
            [this](const QString&, const QString& message) { showFailure(message); });
    lister->list(path);
}

DatasetPickerDialog::~DatasetPickerDialog() {
    if (isBusy()) lister_->cancel();
}

bool DatasetPickerDialog::isBusy() const { return listing_; }

QString DatasetPickerDialog::statusText() const { return explanation_->text(); }

void DatasetPickerDialog::showCandidates(const std::vector<DatasetCandidate>& candidates) {
    listing_ = false;
    progress_->hide();
    explanation_->setText(
        tr("<b>%1</b> is not an lngeom dump but holds %2 float datasets lngeom can read. Choose "
           "the one with the vectors that enter the norm layers: (tokens, d), or "
           "(layers, tokens, d) such as stacked <tt>output_hidden_states</tt>.")
            .arg(QFileInfo(path_).fileName().toHtmlEscaped())
            .arg(candidates.size()));
    for (const DatasetCandidate& candidate : candidates)
        new QTreeWidgetItem(
            list_,
            {QString::fromStdString(candidate.path), shapeText(candidate.shape),
             QString::fromLatin1(stored_type_name(candidate.type)), datasetReading(candidate)});
    if (list_->topLevelItemCount() > 0) list_->setCurrentItem(list_->topLevelItem(0));
    openButton_->setEnabled(!candidates.empty());
}

void DatasetPickerDialog::showFailure(const QString& message) {
    listing_ = false;
    progress_->hide();
    explanation_->setText(
        tr("The datasets of <b>%1</b> cannot be listed: %2")
            .arg(QFileInfo(path_).fileName().toHtmlEscaped(), message.toHtmlEscaped()));
}

QString DatasetPickerDialog::chosenDataset() const {
    const QTreeWidgetItem* item = list_->currentItem();
    return item ? item->text(0) : QString();
}

void DatasetPickerDialog::choose(const QString& dataset) {
    const QList<QTreeWidgetItem*> found = list_->findItems(dataset, Qt::MatchExactly, 0);
    if (!found.isEmpty()) list_->setCurrentItem(found.front());
}

}  // namespace lngeom::app
