#pragma once
// Where the tests find the hostile-input corpus make_bad_corpus.py wrote, and the flagged
// counts numpy computed for its degenerate files.

#include <QFile>
#include <QString>
#include <QTest>
#include <string>
#include <vector>

#include "core/io/dump.h"

namespace lngeom::test {

inline std::string corpus_path(const QString& name) {
    return std::string(LNGEOM_TEST_OUTPUT_DIR) + "/bad-corpus/" + name.toStdString();
}

// A site's token counts: all, and those flagged for each reason.
struct FlagCounts {
    Index n_tokens = 0, n_invalid = 0, n_non_finite = 0, n_zero = 0, n_constant = 0,
          n_invalid_output = 0;
    bool operator==(const FlagCounts&) const = default;
};

inline char* toString(const FlagCounts& c) {
    return QTest::toString(QString("tokens %1, invalid %2, non-finite %3, zero %4, constant %5, "
                                   "invalid output %6")
                               .arg(c.n_tokens)
                               .arg(c.n_invalid)
                               .arg(c.n_non_finite)
                               .arg(c.n_zero)
                               .arg(c.n_constant)
                               .arg(c.n_invalid_output));
}

// `<dump>.counts`: one line per site, "key n_tokens n_invalid n_non_finite n_zero n_constant
// n_invalid_output".
inline std::vector<FlagCounts> expected_counts(const std::string& dump) {
    QFile file(QString::fromStdString(dump + ".counts"));
    std::vector<FlagCounts> sites;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return sites;
    while (!file.atEnd()) {
        const QList<QByteArray> fields = file.readLine().simplified().split(' ');
        if (fields.size() != 7) continue;
        sites.push_back({fields[1].toLongLong(), fields[2].toLongLong(), fields[3].toLongLong(),
                         fields[4].toLongLong(), fields[5].toLongLong(), fields[6].toLongLong()});
    }
    return sites;
}

}  // namespace lngeom::test
