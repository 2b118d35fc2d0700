#pragma once
// The γ-ellipsoid view (Riechers, arXiv 2405.04134): LayerNorm's outputs z + β lie on an
// ellipsoid centred at β whose semi-axes γ sets (s_k = √d·σ_k(G·Q)), inside a hyperplane tilted
// away from 1⊥ when γ is not constant. The view draws that ellipsoid along three of its axes —
// the largest, or the three the tokens occupy most — with the current site's tokens' outputs as
// points (a click selects a token; the selection is marked), and says what γ and β make of it.
// In the d = 3 teaching mode the user edits γ and β and watches the circle of 1⊥ ∩ the
// √3-sphere become the ellipse.

#include <Eigen/Core>
#include <QWidget>

#include <memory>
#include <string>

#include "core/analysis/ellipsoid_picture.h"
#include "widgets/document/latest_job_worker.h"
#include "widgets/ellipsoid/ellipsoid_settings.h"
#include "widgets/projection/projection_cloud_actor.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QWidget;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;
class EllipsoidSurface;
class SceneCaption;
class TeachingCurves;
class VtkViewWidget;

// The name of the picture's drawn axis `a` (0, 1, 2) with its length: LayerNorm's axes by rank
// from the largest (v1 is the longest semi-axis), RMSNorm's the coordinate axes eᵢ.
std::string ellipsoidAxisName(const EllipsoidPicture& picture, int a);

class EllipsoidView : public QWidget {
    Q_OBJECT
  public:
    explicit EllipsoidView(QWidget* parent = nullptr);
    ~EllipsoidView() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const;

    const EllipsoidSettings& settings() const { return settings_; }
    void setSettings(const EllipsoidSettings& settings);

    VtkViewWidget* sceneView() const { return scene_; }
    // The picture on screen (dump mode); nullptr until the first arrives.
    std::shared_ptr<const EllipsoidPicture> shownPicture() const { return picture_; }
    // What the view says about the site or the teaching ellipse, as in its caption.
    QString summaryText() const;
    // The points' colours as drawn (dump mode; empty until the first picture arrives).
    PointColours pointColours() const;
    // The token drawn nearest `position` (scene coordinates, logical pixels), or −1.
    Index tokenAt(QPoint position) const;

  signals:
    void pictureShown();
    void failed(const QString& message);
    void settingsChanged();

  private:
    void buildControls();
    QWidget* buildTeachingControls();
    void syncControls();
    void requestPicture();
    void showPicture(int generation, std::shared_ptr<const EllipsoidPicture> picture);
    void showFailure(int generation, const QString& message);
    void showTeaching();
    void rebuildScene(bool teaching);
    void recolour();
    void updateMarkers();

    EllipsoidSettings settings_;
    std::unique_ptr<DocumentBinding> binding_;
    VtkViewWidget* scene_;
    QComboBox* axesBox_;
    QComboBox* colourBox_;
    QCheckBox* teachingBox_;
    QWidget* teachingControls_;
    QDoubleSpinBox* gammaBoxes_[3];
    QDoubleSpinBox* betaBoxes_[3];
    QLabel* summary_;
    std::unique_ptr<ProjectionCloudActor> points_;
    std::unique_ptr<EllipsoidSurface> surface_;
    std::unique_ptr<TeachingCurves> curves_;
    std::unique_ptr<SceneCaption> caption_;
    std::shared_ptr<const EllipsoidPicture> picture_;
    int sceneMode_ = -1;  // 0 dump, 1 teaching, −1 not built
    int generation_ = 0;
    bool colourBarLaidOutAgain_ = false;
    LatestJobWorker worker_;  // last: joined before the rest goes
};

}  // namespace lngeom::widgets
