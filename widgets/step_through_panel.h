#pragma once
// The step-through (the paper's Fig. 2 on real data): one token of the document's current site
// walked through LayerNorm (x → x⊥ → x⊥/‖x⊥‖ → √d·… → γ⊙y + β) and RMSNorm (x → x → x/‖x‖ →
// √d·… → γ⊙r) side by side, step by step or animated, with each step's formula and the token's
// numbers. It follows the first token of the document's selection; the vector is read on a
// worker thread.

#include <QWidget>
#include <memory>
#include <optional>

#include "core/normalization_walk.h"
#include "widgets/latest_job_worker.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTimer;

namespace lngeom::widgets {

class DumpDocument;
class VtkViewWidget;
class WalkScene;

struct StepThroughSettings {
    int step = 0;
    int intervalMs = 1500;  // per step while playing
};

class StepThroughPanel : public QWidget {
    Q_OBJECT
  public:
    explicit StepThroughPanel(QWidget* parent = nullptr);
    ~StepThroughPanel() override;

    void setDocument(DumpDocument* document);
    DumpDocument* document() const { return document_; }

    // The token walked; follows the selection (its first token; token 0 when it is empty).
    Index token() const { return token_; }
    void setToken(Index token);

    // The d = 3 teaching mode: walks this vector of R³ (ε = 0, no γ, β) instead of the token,
    // so the construction is exact; nullopt returns to the token.
    void setTeachingVector(std::optional<Eigen::Vector3d> x);
    std::optional<Eigen::Vector3d> teachingVector() const { return teachingVector_; }

    int step() const { return settings_.step; }
    void setStep(int step);
    bool isPlaying() const;
    void setPlaying(bool playing);
    const StepThroughSettings& settings() const { return settings_; }
    void setSettings(const StepThroughSettings& settings);

    // The walk on screen; nullptr until the first one arrives.
    std::shared_ptr<const NormalizationWalk> walk() const { return walk_; }
    // The current step's formulas and numbers as plain text.
    QString stepText() const;
    VtkViewWidget* sceneView() const { return scene_; }

  signals:
    void walkShown();
    void stepChanged(int step);
    void failed(const QString& message);

  private:
    void buildControls();
    QLayout* buildTeachingControls();
    void walkTeachingVector();
    void requestWalk();
    void showWalk(int generation, std::shared_ptr<const NormalizationWalk> walk, QString heading);
    void showFailure(int generation, const QString& message);
    void followSelection();
    void redraw();

    StepThroughSettings settings_;
    DumpDocument* document_ = nullptr;
    Index token_ = -1;
    std::optional<Eigen::Vector3d> teachingVector_;
    QCheckBox* teachingBox_;
    QDoubleSpinBox* teachingCoordinates_[3];
    VtkViewWidget* scene_;
    QLabel* heading_;
    QLabel* text_;
    QSlider* slider_;
    QPushButton* playButton_;
    QTimer* timer_;
    std::unique_ptr<WalkScene> walkScene_;
    std::shared_ptr<const NormalizationWalk> walk_;
    BasisAxes axes_;
    int generation_ = 0;
    LatestJobWorker worker_;  // last: joined before the rest goes
};

}  // namespace lngeom::widgets
