#pragma once
// The toolbar's "Compare with" box: none, or any other open dump.

#include <QComboBox>

namespace lngeom::app {

class ComparisonChoice;
class DocumentList;

class ComparisonSelector : public QComboBox {
    Q_OBJECT
  public:
    ComparisonSelector(DocumentList* documents, ComparisonChoice* choice,
                       QWidget* parent = nullptr);

  private:
    void fill();

    DocumentList* documents_;
    ComparisonChoice* choice_;
};

}  // namespace lngeom::app
