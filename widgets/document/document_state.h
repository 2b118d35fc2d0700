#pragma once
// What a view of a document says in place of its data while the document has none to give: no
// file open, opening, computing its metrics, cancelled, failed (with the reason).

#include <QString>

namespace lngeom::widgets {

class DumpDocument;

// Empty when `document` is ready.
QString documentStateMessage(const DumpDocument* document);

}  // namespace lngeom::widgets
