#pragma once
// The dataset picker for generic HDF5 files: every float dataset of rank 2 or 3 with its shape,
// element type and how lngeom would read it (tokens × d, or layers × tokens × d), so the user
// chooses which one holds the hidden vectors. The file is listed in the background while the
// dialog shows that it is busy; a file that cannot be listed is said so with the reason, and
// closing the dialog drops the listing.

#include <QDialog>

#include <vector>

#include "core/io/dump.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace lngeom::app {

class DatasetLister;

class DatasetPickerDialog : public QDialog {
    Q_OBJECT
  public:
    // Starts listing `path` with `lister`.
    DatasetPickerDialog(const QString& path, DatasetLister* lister, QWidget* parent = nullptr);
    ~DatasetPickerDialog() override;

    // The dataset path chosen (the first one until the user picks another).
    QString chosenDataset() const;
    void choose(const QString& dataset);
    QTreeWidget* list() const { return list_; }
    // The listing is still running.
    bool isBusy() const;
    // What the dialog says above the list (the explanation, or why the file cannot be listed).
    QString statusText() const;
    QPushButton* openButton() const { return openButton_; }

  private:
    void showCandidates(const std::vector<DatasetCandidate>& candidates);
    void showFailure(const QString& message);

    QString path_;
    DatasetLister* lister_;
    QLabel* explanation_;
    QProgressBar* progress_;
    bool listing_ = true;
    QTreeWidget* list_;
    QPushButton* openButton_;
};

// How lngeom reads a candidate: "512 tokens × d 64" or "4 layers × 512 tokens × d 64".
QString datasetReading(const DatasetCandidate& candidate);

}  // namespace lngeom::app
