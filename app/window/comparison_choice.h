#pragma once
// Which dump the comparing views (histogram outline, curves, tables, Compare) set beside the
// current one: the one the user picked in the toolbar while it stays open and is not the current
// one, else the first other open dump that did not fail to open — so opening the two samples
// compares LayerNorm with RMSNorm without asking, even with a damaged file between them.

#include <QObject>

#include <optional>

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
    // nullptr: compare with nothing.
    void choose(widgets::DumpDocument* document);
    // What the user chose and still stands (nullptr: nothing); nullopt: the default.
    std::optional<widgets::DumpDocument*> picked() const { return picked_; }

  signals:
    void changed(lngeom::widgets::DumpDocument* comparison);

  private:
    void update();

    DocumentList* documents_;
    widgets::DumpDocument* comparison_ = nullptr;
    std::optional<widgets::DumpDocument*> picked_;
};

}  // namespace lngeom::app
