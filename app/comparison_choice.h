#pragma once
// Which dump the comparing views (histogram outline, curves, tables, Compare) set beside the
// current one: the first other open dump, so opening the two samples compares LayerNorm with
// RMSNorm without asking.

#include <QObject>

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class DocumentList;

class ComparisonChoice : public QObject {
    Q_OBJECT
  public:
    explicit ComparisonChoice(DocumentList* documents);

    widgets::DumpDocument* comparison() const;

  signals:
    void changed(lngeom::widgets::DumpDocument* comparison);

  private:
    void update();

    DocumentList* documents_;
    widgets::DumpDocument* comparison_ = nullptr;
};

}  // namespace lngeom::app
