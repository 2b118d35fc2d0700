#include "app/files/sample_files.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace lngeom::app {
namespace {

const QStringList kSampleNames{"sample-layernorm.h5", "sample-rmsnorm.h5"};

QString sampleDirectory() {
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath("../share/lngeom/data");
    if (QFileInfo::exists(QDir(installed).filePath(kSampleNames.front())))
        return QDir::cleanPath(installed);
    return LNGEOM_SOURCE_SAMPLE_DIR;
}

}  // namespace

QStringList sampleDumpPaths() {
    const QDir directory(sampleDirectory());
    QStringList paths;
    for (const QString& name : kSampleNames) paths << directory.filePath(name);
    return paths;
}

}  // namespace lngeom::app
