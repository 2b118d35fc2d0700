#pragma once
// The step-through (the paper's Fig. 2 on real data): a few tokens of the document's current site
// walked through LayerNorm (x → x⊥ → x⊥/‖x⊥‖ → √d·… → γ⊙y + β) and RMSNorm (x → x → x/‖x‖ →
// √d·… → γ⊙r) side by side, step by step or animated, with each step's formula and each token's
// numbers. It follows the document's selection (its first kMaxWalkedTokens tokens); the vectors
// are read on a worker thread. The d = 3 teaching mode walks a vector of R³ whose tip the user
// drags in the picture (or types in).

#include <QWidget>
#include <memory>
#include <optional>

#include "core/geometry/normalization_walk.h"
#include "widgets/document/latest_job_worker.h"
#include "widgets/step_through/walk_text.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSlider;
class QTimer;

namespace lngeom::widgets {

class DocumentBinding;
class DumpDocument;
class StateOverlay;
class VtkViewWidget;
class WalkScene;
class WalkTipDrag;

// More arrows than this make the picture unreadable.
inline constexpr std::size_t kMaxWalkedTokens = 8;

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
    DumpDocument* document() const;

    // The tokens walked: the first kMaxWalkedTokens of `tokens`, or token 0 when it is empty.
    // Follows the selection.
    const std::vector<Index>& tokens() const { return tokens_; }
    void setTokens(const std::vector<Index>& tokens);
    void setToken(Index token) { setTokens({token}); }

    // The d = 3 teaching mode: walks this vector of R³ (ε = 0, no γ, β) instead of the tokens,
    // so the construction is exact; nullopt returns to the tokens.
    void setTeachingVector(std::optional<Eigen::Vector3d> x);
    std::optional<Eigen::Vector3d> teachingVector() const { return teachingVector_; }
    // Where the tip of the teaching vector is on the scene view (logical pixels); it can be
    // dragged from there.
    QPointF teachingTipOnScreen() const;

    int step() const { return settings_.step; }
    void setStep(int step);
    bool isPlaying() const;
    void setPlaying(bool playing);
    const StepThroughSettings& settings() const { return settings_; }
    void setSettings(const StepThroughSettings& settings);

    // The tokens on screen, each with its walk or why it has none.
    const std::vector<WalkedToken>& walked() const { return walked_; }
    // The basis the walks are drawn in (walk_placement).
    const BasisAxes& axes() const { return axes_; }
    // The first walk on screen; nullptr until one arrives.
    std::shared_ptr<const NormalizationWalk> walk() const;
    // The current step's formulas and numbers as plain text, a line per token.
    QString stepText() const;
    QString headingText() const;
    VtkViewWidget* sceneView() const { return scene_; }

  signals:
    void walkShown();
    void stepChanged(int step);
    void failed(const QString& message);

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    void buildControls();
    QLayout* buildTeachingControls();
    void walkTeachingVector();
    void documentChanged();
    void showState();
    void requestWalk();
    QString tokensHeading(SiteIndex site) const;
    void showWalks(int generation, std::vector<WalkedToken> walked, const QString& heading);
    void followSelection();
    void walk(std::vector<Index> capped, std::size_t requested);
    void dragTeachingTip(const Eigen::Vector3d& tip);
    void redraw();
    double outsideShare() const;

    StepThroughSettings settings_;
    std::unique_ptr<DocumentBinding> binding_;
    std::vector<Index> tokens_;
    std::size_t requestedCount_ = 0;  // before the cap; 0: nothing was selected
    std::optional<Eigen::Vector3d> teachingVector_;
    QCheckBox* teachingBox_;
    QDoubleSpinBox* teachingCoordinates_[3];
    VtkViewWidget* scene_;
    StateOverlay* state_;  // over the scene: why it shows no walk
    QLabel* heading_;
    QLabel* text_;
    QScrollArea* textArea_;
    QSlider* slider_;
    QPushButton* playButton_;
    QTimer* timer_;
    std::unique_ptr<WalkScene> walkScene_;
    std::unique_ptr<WalkTipDrag> tipDrag_;
    std::vector<WalkedToken> walked_;
    BasisAxes axes_;
    int generation_ = 0;
    LatestJobWorker worker_;  // last: joined before the rest goes
};

}  // namespace lngeom::widgets
