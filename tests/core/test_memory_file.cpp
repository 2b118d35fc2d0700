// Files opened from memory (core/io/memory_file.h), as the fuzzer opens its inputs: the same
// dump as from disk, every vector equal; an empty or damaged image refused by its name; a name
// held once; and once the MemoryFile is gone, the name means the file system again.
#include <QFile>
#include <QTest>

#include <cstdint>
#include <vector>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/io/dump_validation.h"
#include "core/io/memory_file.h"
#include "tests/core/test_error_checks.h"

using namespace lngeom;

namespace {

const QString kSample = QStringLiteral(LNGEOM_SOURCE_DIR "/data/sample-rmsnorm.h5");

std::vector<std::uint8_t> bytes_of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    const QByteArray data = file.readAll();
    return {data.begin(), data.end()};
}

}  // namespace

class TestMemoryFile : public QObject {
    Q_OBJECT

  private slots:
    void reads_as_the_file_on_disk() {
        const std::vector<std::uint8_t> bytes = bytes_of(kSample);
        QVERIFY(!bytes.empty());
        const MemoryFile file("in-memory.h5", bytes);
        const Dump memory = Dump::open(file.name());
        const Dump disk = Dump::open(kSample.toStdString());
        QCOMPARE(memory.info().path, std::string("in-memory.h5"));
        QCOMPARE(memory.info().sites.size(), disk.info().sites.size());
        QCOMPARE(memory.read_tokens(0, 40), disk.read_tokens(0, 40));
        for (std::size_t site = 0; site < disk.info().sites.size(); ++site)
            QCOMPARE(memory.read_vector(site, Stream::Input, 17),
                     disk.read_vector(site, Stream::Input, 17));
        validate_dump(file.name(), "", [](const std::string&, std::string_view) {});
    }

    void damaged_images_are_refused_by_name() {
        const std::vector<std::uint8_t> empty, text{'n', 'o', 't', ' ', 'h', 'd', 'f'};
        const MemoryFile nothing("empty.h5", empty);
        test::check_caught(test::catch_error([] { Dump::open("empty.h5"); }), "hdf5", "empty.h5",
                           "", "not an HDF5 file (the file is empty)");
        const MemoryFile words("words.h5", text);
        test::check_caught(test::catch_error([] { Dump::open("words.h5"); }), "hdf5", "words.h5",
                           "", "not an HDF5 file (no HDF5 signature found) [HDF5: ");
    }

    void a_name_is_held_once() {
        const std::vector<std::uint8_t> bytes = bytes_of(kSample);
        const MemoryFile first("twice.h5", bytes);
        test::check_caught(test::catch_error([&] { MemoryFile second("twice.h5", bytes); }),
                           "request", "twice.h5", "", "a memory file of that name is already open");
    }

    void the_name_is_freed_with_it() {
        const std::string path = kSample.toStdString();
        {
            const std::vector<std::uint8_t> text{'x'};
            const MemoryFile shadow(path, text);
            QVERIFY_THROWS_EXCEPTION(Hdf5Error, Dump::open(path));
        }
        QVERIFY(!Dump::open(path).info().sites.empty());
    }
};

QTEST_GUILESS_MAIN(TestMemoryFile)
#include "test_memory_file.moc"
