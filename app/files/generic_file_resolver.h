#pragma once
// When a file opened without a dataset fails because it is a generic HDF5 file with several
// float datasets, asks which one to read (the dataset picker, which lists the file in the
// background) and opens that one in its place.

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class DatasetLister;
class DocumentList;

class GenericFileResolver : public QObject {
  public:
    // Returns the dataset of `path` to open, or nullopt when the user declines.
    using Chooser = std::function<std::optional<QString>(const QString& path)>;

    explicit GenericFileResolver(DocumentList* documents, Chooser chooser = {});

    // A chooser that shows the DatasetPickerDialog over `parent`, listing with this resolver's
    // lister (whose worker outlives a dialog closed mid-listing).
    Chooser dialogChooser(QWidget* parent) const;
    void setChooser(Chooser chooser) { chooser_ = std::move(chooser); }

  private:
    void resolve(widgets::DumpDocument* document);

    DocumentList* documents_;
    Chooser chooser_;
    DatasetLister* lister_;
};

}  // namespace lngeom::app
