#pragma once
// A session: everything a user set up, as a small JSON file — the open files (with dataset,
// current site and selection), which one is current, the views' settings, the dock layout and
// the theme. Paths are stored absolute.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <stdexcept>
#include <vector>

#include "core/dump.h"
#include "widgets/histogram_view.h"
#include "widgets/projection_settings.h"
#include "widgets/token_table_view.h"

namespace lngeom::app {

// A session file that cannot be read or understood; what() names the file and the reason.
class SessionError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct SessionFile {
    QString path;
    QString dataset;
    int site = 0;
    std::vector<Index> selection;
};

struct CameraState {
    double position[3] = {0, 0, 1};
    double focalPoint[3] = {0, 0, 0};
    double viewUp[3] = {0, 1, 0};
    double viewAngle = 30;
};

struct Session {
    std::vector<SessionFile> files;
    int current = -1;  // index into files; -1: none
    widgets::HistogramSettings histogram;
    widgets::ProjectionSettings projection;
    widgets::TokenTableSettings table;
    std::optional<CameraState> camera;
    QByteArray layout;  // QMainWindow::saveState
    QString theme;      // "system", "light" or "dark"
};

QJsonObject sessionToJson(const Session& session);
// `source` names the file in error messages.
Session sessionFromJson(const QJsonObject& json, const QString& source);

void writeSessionFile(const Session& session, const QString& path);
Session readSessionFile(const QString& path);

}  // namespace lngeom::app
