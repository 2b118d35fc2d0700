// Reading gzip-compressed datasets chunk by chunk in lngeom's own code (core/io/hdf5/
// hdf5_chunked_read.cpp): every box of every layout make_chunk_fixtures.py writes reads
// bit-identical to libhdf5's H5Dread, and damaged chunks (gzip bombs, a corrupt stream, a
// failed checksum) are refused with a message naming the file, the dataset and the chunk.
#include <sys/resource.h>

#include <QTest>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_chunk_inflation.h"
#include "core/io/hdf5/hdf5_chunked_read.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"
#include "tests/core/test_error_checks.h"

using namespace lngeom;

namespace {

std::string fixture(const QString& name) {
    return std::string(LNGEOM_TEST_OUTPUT_DIR) + "/chunk-fixtures/" + name.toStdString();
}

using Box = std::pair<std::vector<hsize_t>, std::vector<hsize_t>>;  // offset, count

// Per axis: all of it, a stretch starting and ending inside chunks, and the last element.
std::vector<Box> boxes_of(const std::vector<hsize_t>& shape) {
    std::vector<Box> boxes{{{}, {}}};
    for (hsize_t extent : shape) {
        std::vector<Box> longer;
        const std::vector<std::pair<hsize_t, hsize_t>> ranges{
            {0, extent}, {extent / 3, extent - extent / 3 - extent / 4}, {extent - 1, 1}};
        for (const Box& box : boxes)
            for (const auto& range : ranges) {
                Box next = box;
                next.first.push_back(range.first);
                next.second.push_back(range.second);
                longer.push_back(next);
            }
        boxes = longer;
    }
    return boxes;
}

std::vector<std::uint8_t> read_with_h5dread(const hdf5::Dataset& dataset, hid_t memory_type,
                                            const Box& box, size_t bytes) {
    std::vector<std::uint8_t> values(bytes, 0xa5);
    const hdf5::Dataspace file(H5Dget_space(dataset.id()));
    H5Sselect_hyperslab(file.id(), H5S_SELECT_SET, box.first.data(), nullptr, box.second.data(),
                        nullptr);
    const hdf5::Dataspace memory(
        H5Screate_simple(int(box.second.size()), box.second.data(), nullptr));
    if (H5Dread(dataset.id(), memory_type, memory.id(), file.id(), H5P_DEFAULT, values.data()) < 0)
        values.clear();
    return values;
}

size_t peak_resident_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return size_t(usage.ru_maxrss);
}

void check_read_error(const QString& file, const char* dataset, const Box& box,
                      const QString& reason) {
    const std::string path = fixture(file);
    const hdf5::File opened = hdf5::open_file_read_only(path);
    const hdf5::Where where{path, dataset};
    const hdf5::Dataset data = hdf5::open_dataset(opened.id(), dataset, where);
    std::vector<float> values(size_t(box.second[0] * box.second[1]));
    const test::Caught caught = test::catch_error([&] {
        hdf5::read_box(data, H5T_NATIVE_FLOAT, box.first, box.second, values.data(), where);
    });
    test::check_caught(caught, "format", path, dataset, reason);
}

}  // namespace

class TestChunkedRead : public QObject {
    Q_OBJECT

  private slots:
    // First, while the process is still small: libhdf5 would grow its buffer to all the bomb
    // inflates to (32 MiB, 1 GiB); lngeom stops at the chunk's 64 KiB.
    void bombs_are_refused_in_bounded_memory_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("one gzip pass, 32 MiB") << "bomb_single.h5";
        QTest::newRow("two gzip passes, 1 GiB") << "bomb_double.h5";
    }

    void bombs_are_refused_in_bounded_memory() {
        QFETCH(QString, file);
        const size_t before = peak_resident_kib();
        check_read_error(file, "/hidden", {{0, 0}, {16, 1024}},
                         "has a gzip-compressed chunk at (0, 0) that inflates to more than the "
                         "64 KiB its values take; the file is damaged (or made to exhaust memory)");
        QVERIFY2(peak_resident_kib() - before < 8 * 1024,
                 qPrintable(QString::number(peak_resident_kib() - before) + " KiB more"));
    }

    void damaged_chunk_is_named_data() {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("reason");
        QTest::newRow("corrupt gzip stream")
            << "/corrupt_stream"
            << "has a gzip-compressed chunk at (8, 4) whose stream is corrupt; the file is damaged";
        QTest::newRow("fletcher32 mismatch")
            << "/failed_checksum"
            << "has a chunk at (8, 4) whose fletcher32 checksum does not match its bytes; the "
               "file is damaged";
    }

    // The box [10:12, 5:7] lies inside the damaged chunk; its neighbours read.
    void damaged_chunk_is_named() {
        QFETCH(QString, dataset);
        QFETCH(QString, reason);
        check_read_error("damaged.h5", qPrintable(dataset), {{10, 5}, {2, 2}}, reason);
        const std::string path = fixture("damaged.h5");
        const hdf5::File opened = hdf5::open_file_read_only(path);
        const hdf5::Where where{path, dataset.toStdString()};
        const hdf5::Dataset data = hdf5::open_dataset(opened.id(), where.object, where);
        std::vector<float> values(8 * 4);
        hdf5::read_box(data, H5T_NATIVE_FLOAT, {0, 0}, {8, 4}, values.data(), where);
    }

    void every_box_reads_as_h5dread_data() {
        QTest::addColumn<QString>("dataset");
        const std::string path = fixture("layouts.h5");
        const hdf5::File file = hdf5::open_file_read_only(path);
        for (const std::string& name : hdf5::member_names(file.id(), {path, "/"}))
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    // In the file's own type (no conversion), as float and as double, every box.
    void every_box_reads_as_h5dread() {
        QFETCH(QString, dataset);
        const std::string path = fixture("layouts.h5");
        const hdf5::File file = hdf5::open_file_read_only(path);
        const hdf5::Where where{path, "/" + dataset.toStdString()};
        const hdf5::Dataset data = hdf5::open_dataset(file.id(), where.object, where);
        const hdf5::PropertyList creation(H5Dget_create_plist(data.id()));
        QVERIFY2(
            hdf5::decodes_chunks_itself(data, hdf5::filter_pipeline(creation.id(), where), where),
            "libhdf5 reads this dataset: the comparison would be with itself");
        const hdf5::Datatype file_type(H5Dget_type(data.id()));
        const std::vector<hsize_t> shape = hdf5::dataset_shape(data, where);
        for (hid_t memory_type : {file_type.id(), H5T_NATIVE_FLOAT, H5T_NATIVE_DOUBLE}) {
            for (const Box& box : boxes_of(shape)) {
                size_t bytes = H5Tget_size(memory_type);
                for (hsize_t extent : box.second) bytes *= size_t(extent);
                const std::vector<std::uint8_t> expected =
                    read_with_h5dread(data, memory_type, box, bytes);
                QCOMPARE(expected.size(), bytes);
                std::vector<std::uint8_t> actual(bytes, 0xa5);
                hdf5::read_box(data, memory_type, box.first, box.second, actual.data(), where);
                QVERIFY2(actual == expected,
                         qPrintable(QString("box at %1 of %2 elements, %3-byte values")
                                        .arg(box.first[0])
                                        .arg(bytes / H5Tget_size(memory_type))
                                        .arg(H5Tget_size(memory_type))));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestChunkedRead)
#include "test_chunked_read.moc"
