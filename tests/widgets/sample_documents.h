#pragma once
// The sample dumps, loaded into DumpDocuments for view tests (no metrics cache is written).

#include <QSignalSpy>
#include <QString>

#include <memory>

#include "widgets/document/dump_document.h"

namespace lngeom::test {

inline QString samplePath(const char* name) {
    return QStringLiteral(LNGEOM_SOURCE_DIR "/data/") + QLatin1String(name);
}

inline StoreOptions uncachedOptions() {
    StoreOptions options;
    options.use_cache = false;
    return options;
}

// Loads the dump at `path` and waits for its metrics; nullptr when it did not become ready.
inline std::unique_ptr<widgets::DumpDocument> loadDocument(const QString& path) {
    auto document = std::make_unique<widgets::DumpDocument>(path, QString(), uncachedOptions());
    QSignalSpy ready(document.get(), &widgets::DumpDocument::ready);
    document->load();
    if (!ready.wait(60000)) return nullptr;
    return document;
}

// Loads data/<name> and waits for its metrics; nullptr when it did not become ready.
inline std::unique_ptr<widgets::DumpDocument> loadSample(const char* name) {
    return loadDocument(samplePath(name));
}

}  // namespace lngeom::test
