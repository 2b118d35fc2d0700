#include "app/files/dataset_lister.h"

#include <QMetaObject>

#include <exception>

namespace lngeom::app {

DatasetLister::DatasetLister(QObject* parent) : QObject(parent) {}

DatasetLister::~DatasetLister() { worker_.cancel(); }

void DatasetLister::list(const QString& path) {
    const int generation = ++generation_;
    // The answer is queued to this object, which outlives the worker (joined first).
    worker_.submit([this, generation, path](const std::atomic<bool>&) {
        const auto answer = [this, generation](auto emitIt) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, emitIt] {
                    if (generation == generation_) emitIt();
                },
                Qt::QueuedConnection);
        };
        try {
            std::vector<DatasetCandidate> candidates = Dump::list_datasets(path.toStdString());
            answer([this, path, candidates] { emit listed(path, candidates); });
        } catch (const std::exception& error) {
            const QString message = QString::fromUtf8(error.what());
            answer([this, path, message] { emit failed(path, message); });
        }
    });
}

void DatasetLister::cancel() {
    ++generation_;
    worker_.cancel();
}

}  // namespace lngeom::app
