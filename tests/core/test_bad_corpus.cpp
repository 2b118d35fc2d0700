// The hostile-input corpus (tests/data/make_bad_corpus.py): every bad file opens with an error
// naming file, object and reason; every degenerate but valid file gives the flagged counts
// numpy computed, through the metrics kernel and through the streaming pass.
#include <sys/resource.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>

#include "core/errors.h"
#include "core/io/dump.h"
#include "core/io/dump_validation.h"
#include "core/metrics/metrics_pass.h"
#include "core/metrics/metrics_store.h"
#include "core/metrics/token_metrics.h"
#include "tests/core/test_bad_corpus.h"
#include "tests/core/test_error_checks.h"

using namespace lngeom;
using test::catch_error;
using test::check_caught;

namespace {

constexpr std::size_t kBlockBytes = 4096;

// The five counts of a site, as the kernel's flags give them.
test::FlagCounts count_flags(const std::vector<std::uint8_t>& flags) {
    test::FlagCounts counts;
    counts.n_tokens = Index(flags.size());
    for (std::uint8_t f : flags) {
        counts.n_invalid += (f & kInputInvalidMask) != 0;
        counts.n_non_finite += (f & kNonFinite) != 0;
        counts.n_zero += (f & kZeroVector) != 0;
        counts.n_constant += (f & kConstant) != 0;
        counts.n_invalid_output += (f & kOutputInvalid) != 0;
    }
    return counts;
}

// Every row of a site through the kernel, in the blocks the reader proposes.
test::FlagCounts kernel_counts(const Dump& dump, std::size_t site) {
    const SiteInfo& info = dump.info().sites[site];
    std::vector<std::uint8_t> all_flags;
    const Index rows = dump.block_rows(site, kBlockBytes);
    RowBlock input, output;
    RowMatrixD values;
    std::vector<std::uint8_t> flags;
    for (Index first = 0; first < info.n_tokens; first += rows) {
        const Index count = std::min(rows, info.n_tokens - first);
        dump.read_rows(site, Stream::Input, first, count, input);
        if (info.has_output) dump.read_rows(site, Stream::Output, first, count, output);
        token_metrics(input, info.has_output ? &output : nullptr, info.eps, values, flags);
        all_flags.insert(all_flags.end(), flags.begin(), flags.end());
    }
    return count_flags(all_flags);
}

test::FlagCounts pass_counts(const SiteSummary& summary) {
    return {summary.n_tokens, summary.n_invalid,  summary.n_non_finite,
            summary.n_zero,   summary.n_constant, summary.n_invalid_output};
}

}  // namespace

class TestBadCorpus : public QObject {
    Q_OBJECT

  private slots:
    void bad_file_is_named_data() {
        test::add_error_columns("dataset");
        test::add_error_row("input of rank 1", "input_rank1.h5", "", "format", "/norms/000/input",
                            "has rank 1, shape (10); expected rank 2 (n_tokens, d)");
        test::add_error_row("scalar input", "input_scalar.h5", "", "format", "/norms/000/input",
                            "has rank 0, shape (); expected rank 2");
        test::add_error_row("float128 input", "input_float128.h5", "", "format", "/norms/000/input",
                            "has element type float128; lngeom reads float16, bfloat16");
        test::add_error_row("uint16 without bfloat16 tag", "input_uint16_untagged.h5", "", "format",
                            "/norms/000/input", "has element type uint16; lngeom reads");
        test::add_error_row("boolean input", "input_bool.h5", "", "format", "/norms/000/input",
                            "has element type enum");
        test::add_error_row("output with more rows", "output_more_rows.h5", "", "format",
                            "/norms/000/output", "has shape (11 x 8) but input has (10 x 8)");
        test::add_error_row("integer output", "output_int.h5", "", "format", "/norms/000/output",
                            "has element type int32");
        test::add_error_row("output needs zstd", "output_unavailable_filter.h5", "", "format",
                            "/norms/000/output", "needs the HDF5 filter 'zstd' (id 32015)");
        test::add_error_row("gamma of strings", "gamma_strings.h5", "", "format",
                            "/norms/000/gamma", "has element type fixed-length string");
        test::add_error_row("scalar beta", "beta_scalar.h5", "", "format", "/norms/000/beta",
                            "has shape (); expected (d,) = (8,)");
        test::add_error_row("eps as text", "eps_as_text.h5", "", "format", "/norms/000",
                            "attribute 'eps' should be a number, found a string");
        test::add_error_row("format_version as text", "version_as_text.h5", "", "format", "/",
                            "attribute 'format_version' should be an integer, found a string");
        test::add_error_row("kind as an array", "kind_array.h5", "", "format", "/norms/000",
                            "attribute 'kind' is not a scalar string or number");
        test::add_error_row("input in a soft-link cycle", "soft_link_cycle.h5", "", "format",
                            "/norms/000", "has no dataset 'input'");
        test::add_error_row("hard-link cycle through /norms", "norms_hard_cycle.h5", "", "format",
                            "/norms/001", "has no dataset 'input'");
        test::add_error_row("input is an external link", "external_link_input.h5", "", "format",
                            "/norms/000/input", "is an external link to ");
        test::add_error_row("input links to a FIFO", "external_link_fifo.h5", "", "format",
                            "/norms/000/input",
                            "special/fifo.h5:/x; lngeom reads only the file it was given");
        test::add_error_row("generic dataset is an external link", "external_link_generic.h5",
                            "/hidden", "format", "/hidden",
                            "target.h5:/x; lngeom reads only the file it was given");
        test::add_error_row("values in an external raw file", "external_storage.h5", "", "format",
                            "/norms/000/input",
                            "stores its values outside the file, in the raw file '");
        test::add_error_row("virtual input", "virtual_input.h5", "", "format", "/norms/000/input",
                            "is a virtual dataset whose values come from other files");
        test::add_error_row("tokens of rank 2", "tokens_2d.h5", "", "format", "/tokens",
                            "has shape (10 x 2); expected (n_tokens,)");
        test::add_error_row("position as floats", "position_float.h5", "", "format", "/position",
                            "has element type float32; expected integers");
        test::add_error_row(
            "2 GiB chunks", "absurd_chunk.h5", "", "format", "/norms/000/input",
            "has chunks of (67108864 x 8) values = 2 GiB; HDF5 decodes a whole chunk");
        test::add_error_row("a million attributes on /model", "attributes_million.h5", "", "format",
                            "/model",
                            "has 1000000 attributes; lngeom reads at most 4096 to describe a "
                            "model");
        test::add_error_row("groups nested 10000 deep", "nested_deep.h5", "", "format",
                            "/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g/g… (257 levels)",
                            "groups nest more than 256 levels deep; lngeom looks no deeper");
        test::add_error_row("5000 layers", "layers_5000.h5", "", "format", "/hidden",
                            "declares 5000 layers; lngeom opens at most 1024 (one norm site per "
                            "layer)");
        test::add_error_row("a chunk of 2^31 values", "chunk_2pow31.h5", "", "hdf5", "/hidden",
                            "cannot open dataset [HDF5: chunk size must be < 4GB");
        test::add_error_row("chunks of rank 1 for a dataset of rank 2", "chunk_rank_1_of_2.h5", "",
                            "format", "/hidden",
                            "has a damaged chunk layout: chunks of rank 1 for a dataset of rank 2");
        test::add_error_row("compact values shorter than the shape", "compact_short.h5", "",
                            "format", "/hidden",
                            "is damaged: its values are stored in its header (compact layout) in "
                            "160 bytes, but its shape and element type need 320 bytes");
        test::add_error_row("generic without layers", "generic_no_layers.h5", "hidden", "format",
                            "/hidden", "has no layers (n_layers = 0)");
        test::add_error_row("generic rank 3 with d = 0", "generic_3d_d0.h5", "", "format",
                            "/hidden", "has d = 0");
        // A dump without tokens has nothing to show: refused at open, naming where none are.
        test::add_error_row("no tokens at any of 3 sites", "no_tokens.h5", "", "format",
                            "/norms/000/input",
                            "has no tokens (0 rows), nor has any of the dump's other 2 sites; "
                            "there is nothing to show");
        test::add_error_row("no tokens at the only site", "no_tokens_one_site.h5", "", "format",
                            "/norms/000/input", "has no tokens (0 rows); there is nothing to show");
        test::add_error_row("no tokens at the second site", "no_tokens_at_second_site.h5", "",
                            "format", "/norms/001/input",
                            "has no tokens (0 rows) but /norms/000/input has 10 tokens; every "
                            "site of a native dump sees the same tokens");
        test::add_error_row("no tokens at the first site only", "no_tokens_at_first_site.h5", "",
                            "format", "/norms/001/input",
                            "has 10 tokens but /norms/000/input has no tokens (0 rows); every "
                            "site of a native dump sees the same tokens");
        test::add_error_row("generic rank 3 without tokens", "no_tokens_3d.h5", "", "format",
                            "/hidden",
                            "has no tokens (0 rows) in each of its 2 layers; there is nothing to "
                            "show");
        test::add_error_row("generic rank 2 without tokens", "no_tokens_2d.h5", "hidden", "format",
                            "/hidden", "has no tokens (0 rows); there is nothing to show");
        test::add_error_row("superblock cut short", "truncated_superblock.h5", "", "hdf5", "",
                            "cannot open");
        test::add_error_row("signature then garbage", "signature_then_garbage.h5", "", "hdf5", "",
                            "cannot open");
        test::add_error_row(
            "superblock overwritten", "superblock_overwritten.h5", "", "hdf5", "",
            "cannot open: the file's superblock is damaged [HDF5: bad superblock version");
        test::add_error_row("numpy .npy named .h5", "numpy_npy.h5", "", "hdf5", "",
                            "not an HDF5 file (no HDF5 signature found)");
        test::add_error_row("a FIFO named .h5", "special/fifo.h5", "", "hdf5", "",
                            "is not a regular file (a FIFO, device or socket?)");
        test::add_error_row("a directory named .h5", "special/directory.h5", "", "hdf5", "",
                            "is a directory, not an HDF5 file");
    }

    void bad_file_is_named() {
        QFETCH(QString, file);
        QFETCH(QString, dataset);
        QFETCH(QString, kind);
        QFETCH(QString, object);
        QFETCH(QString, reason);
        const std::string path = test::corpus_path(file);
        const test::Caught caught = catch_error([&] { Dump::open(path, dataset.toStdString()); });
        check_caught(caught, kind, path, object, reason);
    }

    // Files that open (their metadata is sound) but fail, or must be refused, when read.
    void bad_read_is_named_data() {
        test::add_error_columns("action");
        test::add_error_row("checksum mismatch", "fletcher32_corrupt.h5", "read", "hdf5", "/hidden",
                            "cannot read [0:1, 0:8] [HDF5: ");
        test::add_error_row("a 4 TiB row, read", "huge_d.h5", "read", "request", "/hidden",
                            "one row of d = 1099511627776 values needs 4 TiB, "
                            "more than the 1 GiB lngeom reads at once");
        test::add_error_row("a 4 TiB row, blocks", "huge_d.h5", "block", "request", "/hidden",
                            "one row of d = 1099511627776 values needs 4 TiB");
        test::add_error_row("a 4 TiB row, pass", "huge_d.h5", "pass", "request", "/hidden",
                            "one row of d = 1099511627776 values needs 4 TiB");
        // The app writes per-token columns to a file as the pass runs: a declared 41 TiB or
        // 36.4 PiB of them is refused before the pass, by the disk free where they would go.
        test::add_error_row("2^40 tokens, columns", "terabytes.h5", "columns", "request", "/hidden",
                            "the per-token metrics of its 1099511627776 tokens need 41 TiB on "
                            "disk, more than the ");
        test::add_error_row("10^15 rows, columns", "rows_1e15.h5", "columns", "request", "/hidden",
                            "the per-token metrics of its 1000000000000000 tokens need 36.4 PiB "
                            "on disk, more than the ");
        test::add_error_row("10^15 rows, cache not yet created", "rows_1e15.h5", "cache", "request",
                            "/hidden",
                            "the per-token metrics of its 1000000000000000 tokens need 36.4 PiB "
                            "on disk, more than the ");
        test::add_error_row("a 1 MiB chunk inflating to 1 GiB", "gzip_bomb_single.h5", "validate",
                            "format", "/hidden",
                            "has a damaged chunk index: the chunk at (0, 0) is stored in 1061896 "
                            "bytes, but its values take 65536 before compression");
        test::add_error_row("rows spanning 262144 chunks", "row_chunks_262144.h5", "validate",
                            "format", "/hidden",
                            "has chunks of (1 x 16) values, which split each row of 4194304 "
                            "values into 262144 chunks; lngeom reads a row from at most 4096 "
                            "chunks (one chunk-index lookup each); re-save it with chunks at least "
                            "1024 values wide");
        test::add_error_row("a shuffled chunk one byte short", "shuffled_chunk_short.h5",
                            "validate", "format", "/hidden",
                            "has a damaged chunk index: the chunk at (7, 0) is stored in 447 "
                            "bytes, but its filters keep its size, so it must take 448");
        test::add_error_row("a chunk recorded twice", "chunk_recorded_twice.h5", "validate",
                            "format", "/hidden",
                            "has a damaged chunk index: it records the chunk at (0, 0) more than "
                            "once");
        test::add_error_row("one of 5000 chunks recorded twice", "chunks_5000_one_twice.h5",
                            "validate", "format", "/hidden",
                            "has a damaged chunk index: it records 5000 chunks, but only 4999 "
                            "cells of its grid are stored");
        test::add_error_row("a 300-byte chunk inflating to 4 GiB (gzip x3)", "gzip_bomb_triple.h5",
                            "validate", "format", "/hidden",
                            "has a gzip-compressed chunk at (0, 0) that inflates to more than the "
                            "1 MiB its values take; the file is damaged");
    }

    void bad_read_is_named() {
        QFETCH(QString, file);
        QFETCH(QString, action);
        QFETCH(QString, kind);
        QFETCH(QString, object);
        QFETCH(QString, reason);
        const std::string path = test::corpus_path(file);
        const Dump dump = Dump::open(path);
        const test::Caught caught = catch_error([&] {
            RowBlock block;
            if (action == "read") dump.read_rows(0, Stream::Input, 0, 1, block);
            if (action == "block") dump.block_rows(0, kBlockBytes);
            if (action == "pass") run_metrics_pass(dump, PassOptions{});
            if (action == "columns") {
                StoreOptions options;
                options.use_cache = false;
                MetricsStore::compute(dump, "", options);
            }
            if (action == "cache") {  // measured where the cache directory would be created
                const QTemporaryDir temporary;
                StoreOptions options;
                options.cache_directory = temporary.filePath("not/yet/created").toStdString();
                MetricsStore::compute(dump, "", options);
            }
            if (action == "validate") validate_dump(path, "", [](const std::string&, auto) {});
        });
        check_caught(caught, kind, path, object, reason);
        if (action == "columns" || action == "cache")
            QVERIFY2(QString::fromStdString(caught.reason).contains(" for the per-token metrics"),
                     caught.reason.c_str());
    }

    // libhdf5 would grow its buffer to the 4 GiB the triple bomb inflates to; the reader
    // decodes gzip chunks itself, no further than the chunk's size (the validation reads the
    // first row), so the process stays small.
    void gzip_bombs_stay_small() {
        for (const char* file : {"gzip_bomb_triple.h5", "gzip_bomb_single.h5"})
            QVERIFY_THROWS_EXCEPTION(FormatError, validate_dump(test::corpus_path(file), "",
                                                                [](const std::string&, auto) {}));
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        QVERIFY2(usage.ru_maxrss < 512 * 1024, qPrintable(QString::number(usage.ru_maxrss)));
    }

    // The walk for the dataset picker never follows an external link, so a link to a FIFO
    // cannot block it: of the site's datasets only output is a candidate.
    void picker_ignores_external_links() {
        QCOMPARE(Dump::list_datasets(test::corpus_path("external_link_fifo.h5")).size(), size_t(1));
        QVERIFY(Dump::list_datasets(test::corpus_path("external_link_generic.h5")).empty());
    }

    void degenerate_counts_match_numpy_data() {
        QTest::addColumn<QString>("file");
        for (const char* file :
             {"degenerate_f32.h5", "degenerate_f64.h5", "degenerate_f16_big_endian.h5",
              "chunk_1x1.h5", "all_nan.h5", "garbage_tail.h5"})
            QTest::newRow(file) << file;
    }

    void degenerate_counts_match_numpy() {
        QFETCH(QString, file);
        const std::string path = test::corpus_path(file);
        const std::vector<test::FlagCounts> expected = test::expected_counts(path);
        const Dump dump = Dump::open(path);
        QCOMPARE(dump.info().sites.size(), expected.size());
        for (int threads : {1, 3}) {
            PassOptions options;
            options.threads = threads;
            const std::vector<SiteSummary> summaries = run_metrics_pass(dump, options);
            for (size_t site = 0; site < expected.size(); ++site) {
                QCOMPARE(kernel_counts(dump, site), expected[site]);
                QCOMPARE(pass_counts(summaries[site]), expected[site]);
            }
        }
    }

    // 32 TiB declared and none stored: it opens from metadata and reads anywhere in blocks.
    void declared_terabytes_stream() {
        const Dump dump = Dump::open(test::corpus_path("terabytes.h5"));
        QCOMPARE(dump.info().n_tokens, Index(1) << 40);
        const Index rows = dump.block_rows(0, std::size_t(8) << 20);
        QCOMPARE(rows, Index(262144));
        RowBlock block;
        RowMatrixD values;
        std::vector<std::uint8_t> flags;
        for (Index first : {Index(0), (Index(1) << 40) - rows}) {
            dump.read_rows(0, Stream::Input, first, rows, block);
            token_metrics(block, nullptr, 1e-5, values, flags);
            // Unwritten chunks read as HDF5's fill value, zero: every vector is flagged.
            QCOMPARE(count_flags(flags).n_zero, rows);
        }
    }
};

QTEST_GUILESS_MAIN(TestBadCorpus)
#include "test_bad_corpus.moc"
