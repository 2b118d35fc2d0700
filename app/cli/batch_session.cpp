#include "app/cli/batch_session.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>

#include <stdexcept>

#include "app/cli/private_display.h"
#include "widgets/document/dump_document.h"
#include "widgets/vtk_hosting/opengl_setup.h"

namespace lngeom::app {

namespace {

// Jobs run from cron, ssh or CI have no login session and so no XDG_RUNTIME_DIR; Qt then falls
// back to /tmp/runtime-USER with a warning on stderr. Choosing that directory here keeps the
// job's stderr to lngeom's own lines.
void provideRuntimeDirectory() {
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
    const QString directory =
        QDir::tempPath() + "/runtime-" + QString::fromLocal8Bit(qgetenv("USER"));
    if (!QDir().mkpath(directory)) return;
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", directory.toLocal8Bit());
}

}  // namespace

BatchSession::BatchSession() : display_(PrivateDisplay::startIfNeeded()) {
    provideRuntimeDirectory();
    widgets::configureOpenGLForVtk();
    application_ = std::make_unique<QApplication>(argc_, argv_);
}

BatchSession::~BatchSession() = default;

std::unique_ptr<widgets::DumpDocument> BatchSession::load(const std::string& file,
                                                          const std::string& dataset) {
    auto document = std::make_unique<widgets::DumpDocument>(
        QString::fromStdString(file), QString::fromStdString(dataset), StoreOptions{});
    QEventLoop loop;
    QObject::connect(document.get(), &widgets::DumpDocument::ready, &loop, &QEventLoop::quit);
    QObject::connect(document.get(), &widgets::DumpDocument::failed, &loop, &QEventLoop::quit);
    QObject::connect(document.get(), &widgets::DumpDocument::cancelled, &loop, &QEventLoop::quit);
    document->load();
    loop.exec();
    if (document->state() != widgets::DumpDocument::State::Ready)
        throw std::runtime_error(document->errorMessage().toStdString());
    return document;
}

}  // namespace lngeom::app
