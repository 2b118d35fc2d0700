#pragma once
// Dumps without tokens (0 rows), written into a directory by the hostile-input corpus's writer
// (tests/data/make_bad_corpus.py, files_without_tokens): no_tokens.h5 (native, 3 sites of none),
// no_tokens_one_site.h5, no_tokens_at_second_site.h5 (10 tokens, then none),
// no_tokens_at_first_site.h5, no_tokens_2d.h5 (0 × 8) and no_tokens_3d.h5 (2 × 0 × 8).

#include <QProcess>
#include <QString>

namespace lngeom::test {

inline bool writeDumpsWithoutTokens(const QString& directory) {
    QProcess python;
    python.start(LNGEOM_PYTHON, {"-c",
                                 "import sys; sys.path.insert(0, sys.argv[1]); "
                                 "import make_bad_corpus; "
                                 "make_bad_corpus.files_without_tokens(sys.argv[2])",
                                 LNGEOM_SOURCE_DIR "/tests/data", directory});
    return python.waitForFinished(120000) && python.exitStatus() == QProcess::NormalExit &&
           python.exitCode() == 0;
}

}  // namespace lngeom::test
