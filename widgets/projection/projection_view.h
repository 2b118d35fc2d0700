#pragma once
// The 3D projection view: one point per token of the document's current
// site, in a basis whose vertical axis is û = 1/√d and whose horizontal axes lie in the
// hyperplane ⊥ 1, with the 1 axis, the hyperplane's disc and the √d sphere. Vectors are read and
// projected on a worker thread; a click selects the token under the mouse in the document's
// shared selection.

#include <QPoint>
#include <QWidget>
#include <memory>

#include "core/geometry/projected_cloud.h"
#include "widgets/document/latest_job_worker.h"
#include "widgets/projection/projection_settings.h"

class QComboBox;
class QLabel;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;
class ProjectionAnnotations;
class ProjectionCloudActor;
struct PointColours;
class StateOverlay;
class ViewJobs;
class VtkViewWidget;

class ProjectionView : public QWidget {
    Q_OBJECT
  public:
    // While the camera moves the scene renders at this fraction of the view's size (and draws
    // the cloud's subsample): software OpenGL's cost is mostly per pixel.
    static constexpr double kMovingRenderScale = 0.5;

    explicit ProjectionView(QWidget* parent = nullptr);
    ~ProjectionView() override;

    // The view follows this document's current site and selection; nullptr clears it.
    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    const ProjectionSettings& settings() const { return settings_; }
    void setSettings(const ProjectionSettings& settings);
    void setRepresentation(Representation representation);
    void setPlacement(Placement placement);
    void setColour(ProjectionColour colour);
    void setBasis(const BasisRequest& basis);

    VtkViewWidget* sceneView() const { return scene_; }
    // The points on screen and their basis; nullptr until the first cloud arrives.
    std::shared_ptr<const ProjectedCloud> shownCloud() const { return cloud_; }
    // The token drawn nearest `position` (scene view coordinates, logical pixels), or −1.
    Index tokenAt(QPoint position) const;
    // The line describing the selected token(s).
    QString selectionText() const;

  signals:
    // The points of the current request are on screen.
    void cloudShown();
    // The points got new colours (another colouring, or the selection changed).
    void recoloured();
    void failed(const QString& message);

  private:
    void buildControls();
    void requestCloud();
    void showCloud(int generation, std::shared_ptr<const ProjectedCloud> cloud,
                   const PointColours& colours);
    void showFailure(int generation, const QString& message);
    void rebuildFrame(double radius);
    void fitCloud();
    void recolour();
    void onSelectionChanged(QObject* source);
    void updateSelectionMarkers();
    void updateCaption();
    // Still frames draw what fits the frame budget; grabs for figures draw every point.
    void drawWithinFrameBudget();
    QString thinnedNote() const;
    void syncControls();

    ProjectionSettings settings_;
    std::unique_ptr<DocumentBinding> binding_;
    VtkViewWidget* scene_;
    StateOverlay* state_;  // over the scene: why it shows no points yet
    QComboBox* representationBox_;
    QComboBox* placementBox_;
    QComboBox* colourBox_;
    QComboBox* basisBox_;
    QLabel* basisLabel_;
    QLabel* selectionLabel_;
    std::unique_ptr<ProjectionCloudActor> points_;
    std::unique_ptr<ProjectionAnnotations> annotations_;
    std::shared_ptr<const ProjectedCloud> cloud_;
    double frameRadius_ = 0;
    double fittedReach_ = 0;  // the ball the camera was last fitted to; 0: none
    int generation_ = 0;
    // Last: their workers are joined before the rest goes.
    std::unique_ptr<ViewJobs> colourJobs_;
    LatestJobWorker worker_;
};

}  // namespace lngeom::widgets
