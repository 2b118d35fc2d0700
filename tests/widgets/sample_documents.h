#pragma once
// The sample dumps, loaded into DumpDocuments for view tests (no metrics cache is written), and
// what the views read of them.

#include <QSignalSpy>
#include <QString>

#include <memory>
#include <vector>

#include "widgets/document/dump_document.h"
#include "widgets/document/token_selection.h"

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

// A site's whole column of `metric` as the views read it (small dumps only).
inline std::vector<float> columnValues(const widgets::DumpDocument& document, SiteIndex site,
                                       Metric metric) {
    const auto columns = document.metrics().columns(site);
    std::vector<float> values(std::size_t(columns->n_tokens()));
    columns->read(metric, 0, values);
    return values;
}

// The selected tokens, ascending.
inline std::vector<Index> selectedTokens(const widgets::DumpDocument& document) {
    return document.selection()->set().to_vector();
}

}  // namespace lngeom::test
