#pragma once
// What every 3D view of token points does with the mouse: a click (a press and release without
// a drag) picks the token drawn nearest the mouse; the selected tokens get markers; while the
// camera moves, the points are drawn simplified at a reduced resolution.

#include <QObject>
#include <QPoint>

#include <cstddef>
#include <vector>

#include "core/geometry/projection.h"

namespace lngeom::widgets {

class ProjectionCloudActor;
class TokenSelection;
class VtkViewWidget;

// The token whose point (row of `points`, token `tokens[row]`) is drawn nearest `position`
// (logical pixels in `scene`) within a few pixels, or −1; of a thinned cloud whose frame draws
// every `stride`-th row, only those rows.
Index tokenUnderMouse(VtkViewWidget* scene, const PointRows& points,
                      const std::vector<Index>& tokens, QPoint position, long stride = 1);

// The points of the selected tokens, at most `limit` of them.
PointRows selectedPoints(const PointRows& points, const std::vector<Index>& tokens,
                         const TokenSelection& selection, std::size_t limit = 10000);

// While the camera of `scene` moves, `points` draws its subsample and the scene renders at
// `movingScale` of its size; full detail again when it stops.
void simplifyWhileMoving(VtkViewWidget* scene, ProjectionCloudActor* points, double movingScale);

// Emits clicked() for a left click on the watched widget that did not drag the camera.
class ClickWatcher : public QObject {
    Q_OBJECT
  public:
    explicit ClickWatcher(QWidget* watched);

  signals:
    void clicked(QPoint position);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    QPoint pressPosition_;
};

}  // namespace lngeom::widgets
