#include "tests/app/main_window_fixture.h"

#include <QProcess>
#include <QtTest>

#include "app/messages/message_panel.h"

namespace lngeom::test {
namespace {

StoreOptions optionsWithoutCache() {
    StoreOptions options;
    options.use_cache = false;
    return options;
}

}  // namespace

WindowUnderTest::WindowUnderTest(const QStringList& paths)
    : log(std::make_unique<app::MessageLog>()),
      documents(std::make_unique<app::DocumentList>(optionsWithoutCache(), log.get())),
      window(std::make_unique<app::MainWindow>(documents.get(), log.get())) {
    window->resize(1200, 800);
    for (const QString& path : paths) documents->open(path);
    window->show();
}

WindowUnderTest::~WindowUnderTest() {
    window.reset();
    documents.reset();
}

bool WindowUnderTest::waitSettled(int timeoutMs) const {
    return QTest::qWaitFor([this] { return window->isSettled(); }, timeoutMs);
}

QString WindowUnderTest::messages() const {
    QCoreApplication::processEvents();
    return window->messagePanel()->plainText();
}

bool WindowUnderTest::activate() const {
    if (!QTest::qWaitForWindowExposed(window.get())) return false;
    window->activateWindow();
    return QTest::qWaitForWindowActive(window.get());
}

bool writeWithH5py(const QString& path, const QString& script) {
    QProcess python;
    python.start(LNGEOM_PYTHON, {"-c", "import sys, h5py, numpy as np\n" + script, path});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning("h5py script failed: %s", python.readAllStandardError().constData());
        return false;
    }
    return true;
}

}  // namespace lngeom::test
