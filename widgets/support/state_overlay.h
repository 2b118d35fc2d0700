#pragma once
// A message laid over a view's picture saying, in the view itself, why it shows no data or what
// it is busy with: no file, opening, computing, cancelled, failed. Centred on a translucent band
// over the picture; hidden when the message is empty.

#include <QLabel>

namespace lngeom::widgets {

class StateOverlay : public QLabel {
  public:
    // Lies over `picture` (a chart or a 3D scene) and follows its size.
    explicit StateOverlay(QWidget* picture);

    // Empty: hidden, the picture shows.
    void setMessage(const QString& message);
    QString message() const { return text(); }

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace lngeom::widgets
