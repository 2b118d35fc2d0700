#pragma once
// Lists a file's candidate datasets (Dump::list_datasets) on a worker thread: HDF5 walks every
// object of the file, which on a large or slow file would freeze the window. One listing at a
// time; a new one or cancel() drops the answer of the previous one, without waiting for it.

#include <QObject>
#include <QString>

#include <vector>

#include "core/io/dump.h"
#include "widgets/document/latest_job_worker.h"

namespace lngeom::app {

class DatasetLister : public QObject {
    Q_OBJECT
  public:
    explicit DatasetLister(QObject* parent = nullptr);
    ~DatasetLister() override;  // waits for a listing still running

    void list(const QString& path);
    void cancel();

  signals:
    void listed(const QString& path, const std::vector<lngeom::DatasetCandidate>& candidates);
    // `message` names the file and the reason.
    void failed(const QString& path, const QString& message);

  private:
    int generation_ = 0;
    widgets::LatestJobWorker worker_;  // last: joined before the rest goes
};

}  // namespace lngeom::app
