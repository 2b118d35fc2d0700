// Every bad file, and every read outside what a dump has, gives an error whose text names the
// file, the object inside it and the reason.
#include <QProcess>
#include <QTest>

#include "core/errors.h"
#include "core/io/dump.h"
#include "tests/core/test_dump_fixtures.h"
#include "tests/core/test_error_checks.h"

using namespace lngeom;

using test::catch_error;
using test::Caught;
using test::check_caught;

class TestDumpErrors : public QObject {
    Q_OBJECT

  private slots:
    void bad_file_is_named_data() {
        test::add_error_columns("dataset");
        test::add_error_row("no /norms", "missing_norms.h5", "", "format", "/norms",
                            "missing: a native lngeom dump needs a group /norms");
        test::add_error_row("empty /norms", "no_norm_groups.h5", "", "format", "/norms",
                            "has no norm groups");
        test::add_error_row("stray member of /norms", "stray_norms_member.h5", "", "format",
                            "/norms/notes",
                            "is not a norm group; /norms holds only groups named 000, 001, ...");
        test::add_error_row("norm group without input", "no_input.h5", "", "format", "/norms/000",
                            "has no dataset 'input'");
        test::add_error_row("input of rank 3", "wrong_rank.h5", "", "format", "/norms/000/input",
                            "has rank 3, shape (2 x 5 x 8); expected rank 2");
        test::add_error_row("integer input", "int_input.h5", "", "format", "/norms/000/input",
                            "has element type int32; lngeom reads float16");
        test::add_error_row("string input", "string_input.h5", "", "format", "/norms/000/input",
                            "has element type fixed-length string");
        test::add_error_row("compound input", "compound_input.h5", "", "format", "/norms/000/input",
                            "has element type compound");
        test::add_error_row("output shape", "output_shape.h5", "", "format", "/norms/000/output",
                            "has shape (10 x 9) but input has (10 x 8)");
        test::add_error_row("gamma shape", "gamma_shape.h5", "", "format", "/norms/000/gamma",
                            "has shape (9); expected (d,) = (8,)");
        test::add_error_row("beta shape", "beta_shape.h5", "", "format", "/norms/000/beta",
                            "has shape (8 x 2); expected (d,) = (8,)");
        test::add_error_row("d = 1", "d_one.h5", "", "format", "/norms/000/input",
                            "has d = 1: the hyperplane orthogonal to 1 is then just the "
                            "origin");
        test::add_error_row("d = 0", "d_zero.h5", "", "format", "/norms/000/input", "has d = 0");
        test::add_error_row("generic d = 1", "generic_d1.h5", "hidden", "format", "/hidden",
                            "has d = 1");
        test::add_error_row("tokens length", "tokens_length.h5", "", "format", "/tokens",
                            "has 9 entries but the norm sites have 10 tokens");
        test::add_error_row("sites see different tokens", "sites_differ.h5", "", "format",
                            "/norms/001/input", "has 9 tokens but /norms/000/input has 10");
        test::add_error_row("unknown kind", "bad_kind.h5", "", "format", "/norms/000",
                            "attribute kind is \"batchnorm\"");
        test::add_error_row("unknown gamma convention", "bad_convention.h5", "", "format",
                            "/norms/000",
                            "attribute gamma_convention is \"twice\"; expected \"weight\" or");
        test::add_error_row("layer as text", "layer_as_text.h5", "", "format", "/norms/000",
                            "attribute 'layer' should be an integer, found a string");
        test::add_error_row("head as text", "head_as_text.h5", "", "format", "/norms/000",
                            "attribute 'head' should be an integer, found a string");
        test::add_error_row("role as a number", "role_as_number.h5", "", "format", "/norms/000",
                            "attribute 'role' should be a string");
        test::add_error_row("sequence of strings", "sequence_strings.h5", "", "format", "/sequence",
                            "has element type variable-length string; expected integers");
        test::add_error_row("format_version 2", "bad_version.h5", "", "format", "/",
                            "format_version 2 is not supported");
        test::add_error_row("empty HDF5 file", "empty.h5", "", "format", "/",
                            "has neither the native lngeom layout");
        test::add_error_row(
            "several candidates", "generic_many.h5", "", "several datasets", "/",
            "has several float datasets: /a/b/brain (3 x 4, bfloat16), /a/b/stacked (2 x 3 x "
            "4, float64), /a/hidden (3 x 4, float32); pass --dataset");
        test::add_error_row("missing filter", "lzf.h5", "", "format", "/hidden",
                            "needs the HDF5 filter 'lzf' (id 32000)");
        test::add_error_row("no such dataset", "generic_2d.h5", "nothing", "format", "/nothing",
                            "no such dataset in the file");
        test::add_error_row("a group as dataset", "native_f32.h5", "/norms", "format", "/norms",
                            "is a group, not a dataset");
        test::add_error_row("rank 1 as dataset", "native_f32.h5", "/norms/000/gamma", "format",
                            "/norms/000/gamma", "has rank 1, shape (8)");
        test::add_error_row("not HDF5", "not_hdf5.h5", "", "hdf5", "",
                            "not an HDF5 file (no HDF5 signature found)");
        test::add_error_row("zero bytes", "zero_bytes.h5", "", "hdf5", "",
                            "not an HDF5 file (the file is empty)");
        test::add_error_row("truncated", "truncated.h5", "", "hdf5", "",
                            "the file is truncated or damaged [HDF5: truncated file");
        test::add_error_row("missing file", "no_such_file.h5", "", "hdf5", "", "no such file");
    }

    void bad_file_is_named() {
        QFETCH(QString, file);
        QFETCH(QString, dataset);
        QFETCH(QString, kind);
        QFETCH(QString, object);
        QFETCH(QString, reason);
        const std::string path = test::fixture_path(file.toUtf8());
        const Caught caught = catch_error([&] { Dump::open(path, dataset.toStdString()); });
        check_caught(caught, kind, path, object, reason);
    }

    void bad_request_is_named_data() {
        QTest::addColumn<SiteIndex>("site");
        QTest::addColumn<int>("stream");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("reason");
        const int input = int(Stream::Input);
        QTest::newRow("past the end") << SiteIndex{0} << input << 30 << 8 << "/norms/000/input"
                                      << "rows [30, 38) are outside the 37 rows [0, 37)";
        QTest::newRow("negative first") << SiteIndex{1} << input << -1 << 2 << "/norms/001/input"
                                        << "rows [-1, 1) are outside";
        QTest::newRow("negative count") << SiteIndex{2} << input << 3 << -2 << "/norms/002/input"
                                        << "rows [3, 1) are outside";
        QTest::newRow("no such site") << SiteIndex{3} << input << 0 << 1 << ""
                                      << "site 3 does not exist; the dump has 3 sites";
    }

    void bad_request_is_named() {
        QFETCH(SiteIndex, site);
        QFETCH(int, stream);
        QFETCH(int, first);
        QFETCH(int, count);
        QFETCH(QString, object);
        QFETCH(QString, reason);
        const std::string path = test::fixture_path("native_f32.h5");
        const Dump dump = Dump::open(path);
        RowBlock block;
        const Caught caught =
            catch_error([&] { dump.read_rows(site, Stream(stream), first, count, block); });
        check_caught(caught, "request", path, object, reason);
    }

    // A damaged chunk is found only when read: the HDF5 error stack says why.
    void damaged_chunk_is_named() {
        const std::string path = test::fixture_path("corrupt_chunk.h5");
        const Dump dump = Dump::open(path);
        RowBlock block;
        const Caught caught = catch_error([&] { dump.read_rows(0, Stream::Input, 0, 10, block); });
        // lngeom inflates gzip chunks itself (core/io/hdf5/hdf5_chunked_read.h).
        check_caught(caught, "format", path, "/hidden",
                     "has a gzip-compressed chunk at (0, 0) whose stream is corrupt; the file is "
                     "damaged");
    }

    // A dump still open for writing (an export under way) is locked by HDF5.
    void file_being_written_is_named() {
        if (qEnvironmentVariable("HDF5_USE_FILE_LOCKING").toUpper() == "FALSE")
            QSKIP("HDF5 file locking is switched off in this environment");
        const std::string path = std::string(LNGEOM_TEST_OUTPUT_DIR) + "/io-being-written.h5";
        QProcess writer;
        writer.start(LNGEOM_PYTHON, {"-c",
                                     "import sys, h5py\n"
                                     "f = h5py.File(sys.argv[1], 'w')\n"
                                     "print('open', flush=True)\n"
                                     "sys.stdin.read()\n",
                                     QString::fromStdString(path)});
        QVERIFY(writer.waitForReadyRead(30000));
        const Caught caught = catch_error([&] { Dump::open(path); });
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished(30000));
        check_caught(caught, "hdf5", path, "", "another program holds a lock on the file");
    }

    void missing_output_is_named() {
        const std::string path = test::fixture_path("generic_2d.h5");
        const Dump dump = Dump::open(path);
        RowBlock block;
        const Caught caught = catch_error([&] { dump.read_rows(0, Stream::Output, 0, 1, block); });
        check_caught(caught, "request", path, "/hidden", "site 000 has no output dataset");
    }

    void missing_token_columns_are_named() {
        const std::string path = test::fixture_path("native_big_endian.h5");
        const Dump dump = Dump::open(path);
        check_caught(catch_error([&] { dump.read_tokens(0, 1); }), "request", path, "/tokens",
                     "the dump has no tokens");
        check_caught(catch_error([&] { dump.read_position(0, 1); }), "request", path, "/position",
                     "the dump has no position column");
    }

    void token_range_is_checked() {
        const std::string path = test::fixture_path("native_f32.h5");
        const Dump dump = Dump::open(path);
        check_caught(catch_error([&] { dump.read_sequence(36, 2); }), "request", path, "/sequence",
                     "rows [36, 38) are outside the 37 rows");
    }

    void missing_filter_still_listed() {
        const std::vector<DatasetCandidate> candidates =
            Dump::list_datasets(test::fixture_path("lzf.h5"));
        QCOMPARE(candidates.size(), size_t(1));
        QCOMPARE(QString::fromStdString(candidates[0].path), QString("/hidden"));
    }
};

QTEST_GUILESS_MAIN(TestDumpErrors)
#include "test_dump_errors.moc"
