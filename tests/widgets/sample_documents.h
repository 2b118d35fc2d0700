#pragma once
// The sample dumps, loaded into DumpDocuments for view tests (no metrics cache is written).

#include <QSignalSpy>
#include <QString>

#include <memory>

#include "widgets/dump_document.h"

namespace lngeom::test {

inline QString samplePath(const char* name) {
    return QStringLiteral(LNGEOM_SOURCE_DIR "/data/") + QLatin1String(name);
}

// Loads data/<name> and waits for its metrics; nullptr when it did not become ready.
inline std::unique_ptr<widgets::DumpDocument> loadSample(const char* name) {
    StoreOptions options;
    options.use_cache = false;
    auto document = std::make_unique<widgets::DumpDocument>(samplePath(name), QString(), options);
    QSignalSpy ready(document.get(), &widgets::DumpDocument::ready);
    document->load();
    if (!ready.wait(60000)) return nullptr;
    return document;
}

}  // namespace lngeom::test
