#pragma once
// When a file opened without a dataset fails because it is a generic HDF5 file with several
// float datasets, asks which one to read (the dataset picker) and opens that one in its place.

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

#include "core/dump.h"

class QWidget;

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class DocumentList;

class GenericFileResolver : public QObject {
  public:
    // Returns the dataset to open, or nullopt when the user declines.
    using Chooser = std::function<std::optional<QString>(
        const QString& path, const std::vector<DatasetCandidate>& candidates)>;

    GenericFileResolver(DocumentList* documents, Chooser chooser);

    // A chooser that shows the DatasetPickerDialog over `parent`.
    static Chooser dialogChooser(QWidget* parent);
    void setChooser(Chooser chooser) { chooser_ = std::move(chooser); }

  private:
    void resolve(widgets::DumpDocument* document);

    DocumentList* documents_;
    Chooser chooser_;
};

}  // namespace lngeom::app
