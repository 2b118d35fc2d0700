// Every value the reader returns equals numpy's conversion of what h5py stored, for every stored
// type, byte order, layout, chunking and compression, whatever the block the rows are read in.
#include <QTest>
#include <bit>
#include <thread>

#include "core/io/dump.h"
#include "core/io/half_float.h"
#include "tests/core/test_dump_fixtures.h"

using namespace lngeom;

namespace {

const char* stream_name(Stream stream) { return stream == Stream::Input ? "input" : "output"; }

// Compares rows [first, first + n) of a block with the expected row-major values.
bool block_matches(const RowBlock& block, const std::vector<double>& expected, Index d) {
    return std::visit(
        [&](const auto& rows) {
            for (Index r = 0; r < rows.rows(); ++r)
                for (Index c = 0; c < d; ++c)
                    if (!test::same_value(double(rows(r, c)),
                                          expected[size_t((block.first_row + r) * d + c)]))
                        return false;
            return true;
        },
        block.rows);
}

void check_stream(const Dump& dump, const char* file, size_t site, Stream stream,
                  Index rows_per_block) {
    const SiteInfo& info = dump.info().sites[site];
    const std::vector<double> expected = test::expected_values(file, info.key, stream_name(stream));
    QCOMPARE(Index(expected.size()), info.n_tokens * info.d);
    RowBlock block;
    for (Index first = 0; first < info.n_tokens; first += rows_per_block) {
        const Index count = std::min(rows_per_block, info.n_tokens - first);
        dump.read_rows(site, stream, first, count, block);
        QCOMPARE(block.n_rows(), count);
        QVERIFY2(block_matches(block, expected, info.d),
                 qPrintable(QString("%1 site %2 %3 rows from %4")
                                .arg(file)
                                .arg(info.key.c_str())
                                .arg(stream_name(stream))
                                .arg(first)));
    }
}

void check_vector(const std::optional<Eigen::VectorXd>& values, const char* file,
                  const std::string& key, const char* name) {
    QVERIFY(values.has_value());
    const std::vector<double> expected = test::expected_values(file, key, name);
    QCOMPARE(size_t(values->size()), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        QVERIFY(test::same_value((*values)(Index(i)), expected[i]));
}

}  // namespace

class TestDumpValues : public QObject {
    Q_OBJECT

  private slots:
    void reads_every_value_exactly_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<int>("rows_per_block");
        QTest::newRow("native float32, gzip+shuffle chunks") << "native_f32.h5"
                                                             << "" << 5;
        QTest::newRow("native float32, unaligned blocks") << "native_f32.h5"
                                                          << "" << 3;
        QTest::newRow("native float16") << "native_f16.h5"
                                        << "" << 10;
        QTest::newRow("native bfloat16 as uint16") << "native_bf16.h5"
                                                   << "" << 7;
        QTest::newRow("native big-endian f8 f4 f2 bf16") << "native_big_endian.h5"
                                                         << "" << 16;
        QTest::newRow("generic 2D, found alone") << "generic_2d.h5"
                                                 << "" << 7;
        QTest::newRow("generic 2D, named") << "generic_2d.h5"
                                           << "hidden" << 50;
        QTest::newRow("generic 3D float16, named with /") << "generic_3d.h5"
                                                          << "/run/hidden_states" << 4;
        QTest::newRow("all 65536 float16 patterns") << "all_float16.h5"
                                                    << "" << 256;
        QTest::newRow("all 65536 bfloat16 patterns") << "all_bfloat16.h5"
                                                     << "" << 100;
    }

    void reads_every_value_exactly() {
        QFETCH(QString, file);
        QFETCH(QString, dataset);
        QFETCH(int, rows_per_block);
        const QByteArray name = file.toUtf8();
        const Dump dump = Dump::open(test::fixture_path(name), dataset.toStdString());
        QVERIFY(!dump.info().sites.empty());
        for (size_t site = 0; site < dump.info().sites.size(); ++site) {
            const SiteInfo& info = dump.info().sites[site];
            check_stream(dump, name, site, Stream::Input, rows_per_block);
            if (info.has_output) check_stream(dump, name, site, Stream::Output, rows_per_block);
            if (info.has_gamma) check_vector(dump.read_gamma(site), name, info.key, "gamma");
            if (info.has_beta) check_vector(dump.read_beta(site), name, info.key, "beta");
        }
    }

    void float_storage_gives_float_rows_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<SiteIndex>("site");
        QTest::addColumn<bool>("is_double");
        QTest::newRow("float32") << "native_f32.h5" << SiteIndex{0} << false;
        QTest::newRow("float16") << "native_f16.h5" << SiteIndex{0} << false;
        QTest::newRow("bfloat16") << "native_bf16.h5" << SiteIndex{0} << false;
        QTest::newRow("float64 big-endian") << "native_big_endian.h5" << SiteIndex{0} << true;
    }

    void float_storage_gives_float_rows() {
        QFETCH(QString, file);
        QFETCH(SiteIndex, site);
        QFETCH(bool, is_double);
        const Dump dump = Dump::open(test::fixture_path(file.toUtf8()));
        RowBlock block;
        dump.read_rows(site, Stream::Input, 2, 4, block);
        QCOMPARE(std::holds_alternative<RowMatrixD>(block.rows), is_double);
        QCOMPARE(block.first_row, Index(2));
    }

    // HDF5 serializes calls behind its global lock; readers on several threads still get their
    // own rows, and no thread's error printing setting leaks into another.
    void concurrent_reads_match() {
        const Dump dump = Dump::open(test::fixture_path("native_big_endian.h5"));
        std::vector<std::thread> readers;
        std::vector<int> failures(dump.info().sites.size(), 0);
        for (size_t site = 0; site < failures.size(); ++site) {
            readers.emplace_back([&, site] {
                const SiteInfo& info = dump.info().sites[site];
                const auto expected =
                    test::expected_values("native_big_endian.h5", info.key, "input");
                RowBlock block;
                for (int repeat = 0; repeat < 50; ++repeat) {
                    dump.read_rows(site, Stream::Input, 0, info.n_tokens, block);
                    failures[site] += block_matches(block, expected, info.d) ? 0 : 1;
                }
            });
        }
        for (std::thread& reader : readers) reader.join();
        QCOMPARE(failures, std::vector<int>(failures.size(), 0));
    }

    // The F16C path (where the CPU has it) and the table agree on every pattern, quieted NaNs
    // included, at every offset of the 8-value steps.
    void float16_widening_agrees_with_the_scalar_conversion() {
        std::vector<std::uint16_t> bits(65536 + 7);
        for (size_t i = 0; i < bits.size(); ++i) bits[i] = std::uint16_t(i);
        for (size_t start = 0; start < 8; ++start) {
            std::vector<float> widened(bits.size() - start);
            widen_float16(bits.data() + start, widened.data(), widened.size());
            for (size_t i = 0; i < widened.size(); ++i)
                QCOMPARE(std::bit_cast<std::uint32_t>(widened[i]),
                         std::bit_cast<std::uint32_t>(float16_to_float(bits[start + i])));
        }
    }

    void empty_read_gives_no_rows() {
        const Dump dump = Dump::open(test::fixture_path("native_f32.h5"));
        RowBlock block;
        dump.read_rows(2, Stream::Input, dump.info().n_tokens, 0, block);
        QCOMPARE(block.n_rows(), Index(0));
        QCOMPARE(std::get<RowMatrixF>(block.rows).cols(), Index(6));
    }
};

QTEST_GUILESS_MAIN(TestDumpValues)
#include "test_dump_values.moc"
