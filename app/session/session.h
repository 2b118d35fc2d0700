#pragma once
// A session: everything a user set up, as a small JSON file — the open files (with dataset,
// current site and selection), which one is current and which one it is compared with, the
// views' settings (the γ-ellipsoid's axes and colours among them), the step-through's walk, the
// dock layout and the theme. Paths are stored absolute.

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <stdexcept>
#include <vector>

#include "core/analysis/massive_activations.h"
#include "core/charts/io_curve_colouring.h"
#include "core/io/dump.h"
#include "widgets/charts/histogram_view.h"
#include "widgets/charts/layer_curves_view.h"
#include "widgets/charts/layer_heatmap_view.h"
#include "widgets/ellipsoid/ellipsoid_settings.h"
#include "widgets/projection/projection_settings.h"
#include "widgets/step_through/step_through_panel.h"
#include "widgets/table/token_table_view.h"
#include "widgets/vtk_hosting/camera_pose.h"

namespace lngeom::app {

// A session file that cannot be read or understood; what() names the file and the reason.
class SessionError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct SessionFile {
    QString path;
    QString dataset;
    SiteIndex site = 0;
    std::vector<Index> selection;
};

// The step-through's walk: the tokens, the step and, in the d = 3 teaching mode, its vector.
struct StepThroughState {
    widgets::StepThroughSettings settings;
    std::vector<Index> tokens;  // empty: the selected ones, as the panel does by itself
    std::optional<Eigen::Vector3d> teachingVector;
};

struct Session {
    std::vector<SessionFile> files;
    int current = -1;  // index into files; -1: none
    // The "Compare with" choice: nullopt: the default (the first other open file); -1: nothing;
    // else an index into files.
    std::optional<int> comparison;
    widgets::HistogramSettings histogram;
    widgets::LayerHeatmapSettings heatmap;
    widgets::LayerCurvesSettings curves;
    StepThroughState stepThrough;
    widgets::ProjectionSettings projection;
    widgets::EllipsoidSettings ellipsoid;  // the teaching mode is not kept
    widgets::TokenTableSettings table;
    MassiveThresholds massive;                             // the Massive activations tab's A and R
    IoCurveColouring ioCurve = IoCurveColouring::Density;  // the I/O curve tab's colouring
    std::optional<widgets::CameraPose> camera;
    QByteArray layout;  // QMainWindow::saveState
    QString theme;      // "system", "light" or "dark"
};

QJsonObject sessionToJson(const Session& session);
// `source` names the file in error messages.
Session sessionFromJson(const QJsonObject& json, const QString& source);

void writeSessionFile(const Session& session, const QString& path);
Session readSessionFile(const QString& path);

}  // namespace lngeom::app
