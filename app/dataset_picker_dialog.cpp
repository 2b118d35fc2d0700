#include "app/dataset_picker_dialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "app/dump_description.h"

namespace lngeom::app {

QString datasetReading(const DatasetCandidate& candidate) {
    const std::vector<Index>& shape = candidate.shape;
    if (shape.size() == 2) return QObject::tr("%1 tokens × d %2").arg(shape[0]).arg(shape[1]);
    return QObject::tr("%1 layers × %2 tokens × d %3").arg(shape[0]).arg(shape[1]).arg(shape[2]);
}

DatasetPickerDialog::DatasetPickerDialog(const QString& path,
                                         const std::vector<DatasetCandidate>& candidates,
                                         QWidget* parent)
    : QDialog(parent), list_(new QTreeWidget) {
    setWindowTitle(tr("Choose the dataset of hidden vectors"));
    auto* explanation = new QLabel(
        tr("<b>%1</b> is not an lngeom dump but holds %2 float datasets lngeom can read. Choose "
           "the one with the vectors that enter the norm layers: (tokens, d), or "
           "(layers, tokens, d) such as stacked <tt>output_hidden_states</tt>.")
            .arg(QFileInfo(path).fileName().toHtmlEscaped())
            .arg(candidates.size()));
    explanation->setWordWrap(true);
    list_->setHeaderLabels({tr("Dataset"), tr("Shape"), tr("Type"), tr("Read as")});
    list_->setRootIsDecorated(false);
    for (const DatasetCandidate& candidate : candidates)
        new QTreeWidgetItem(
            list_,
            {QString::fromStdString(candidate.path), shapeText(candidate.shape),
             QString::fromLatin1(stored_type_name(candidate.type)), datasetReading(candidate)});
    list_->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    if (list_->topLevelItemCount() > 0) list_->setCurrentItem(list_->topLevelItem(0));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(list_, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(list_);
    layout->addWidget(buttons);
    resize(640, 320);
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
