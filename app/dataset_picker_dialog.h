#pragma once
// The dataset picker for generic HDF5 files: every float dataset of rank 2 or 3 with its shape,
// element type and how lngeom would read it (tokens × d, or layers × tokens × d), so the user
// chooses which one holds the hidden vectors.

#include <QDialog>

#include <vector>

#include "core/dump.h"

class QTreeWidget;

namespace lngeom::app {

class DatasetPickerDialog : public QDialog {
    Q_OBJECT
  public:
    DatasetPickerDialog(const QString& path, const std::vector<DatasetCandidate>& candidates,
                        QWidget* parent = nullptr);

    // The dataset path chosen (the first one until the user picks another).
    QString chosenDataset() const;
    void choose(const QString& dataset);
    QTreeWidget* list() const { return list_; }

  private:
    QTreeWidget* list_;
};

// How lngeom reads a candidate: "512 tokens × d 64" or "4 layers × 512 tokens × d 64".
QString datasetReading(const DatasetCandidate& candidate);

}  // namespace lngeom::app
