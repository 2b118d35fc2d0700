// What a dump describes about itself: model and site attributes, token columns, the datasets a
// generic file offers, and the row blocks that fit the chunks.
#include <QTest>

#include "core/io/dump.h"
#include "tests/core/test_dump_fixtures.h"

using namespace lngeom;

namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

}  // namespace

class TestDumpMetadata : public QObject {
    Q_OBJECT

  private slots:
    void native_model_attributes() {
        const Dump dump = Dump::open(test::fixture_path("native_f32.h5"));
        const DumpInfo& info = dump.info();
        QCOMPARE(info.layout, Layout::Native);
        QCOMPARE(text(std::get<std::string>(info.model.at("name"))), QString("fixture-model"));
        QCOMPARE(text(std::get<std::string>(info.model.at("corpus"))),
                 QString("fixed-length text"));
        QCOMPARE(text(std::get<std::string>(info.model.at("license"))), QString("ascii text"));
        QCOMPARE(std::get<std::int64_t>(info.model.at("d_model")), std::int64_t(8));
        QCOMPARE(std::get<std::int64_t>(info.model.at("n_layers")), std::int64_t(3));
        QCOMPARE(std::get<double>(info.model.at("final_loss")), 2.5);
        QCOMPARE(info.n_tokens, Index(37));
    }

    void native_sites_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<SiteIndex>("site");
        QTest::addColumn<QString>("module");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("layer");
        QTest::addColumn<QString>("site_name");
        QTest::addColumn<bool>("has_eps");
        QTest::addColumn<int>("convention");
        QTest::addColumn<int>("d");
        QTest::addColumn<int>("type");
        const int layer_norm = int(NormKind::LayerNorm), rms_norm = int(NormKind::RmsNorm);
        const int weight = int(GammaConvention::Weight);
        const int one_plus = int(GammaConvention::OnePlusWeight);
        QTest::newRow("f32 ln1") << "native_f32.h5" << SiteIndex{0} << "blocks.0.ln1" << layer_norm
                                 << 0 << "ln1" << true << weight << 8 << int(StoredType::Float32);
        QTest::newRow("f32 final, narrower")
            << "native_f32.h5" << SiteIndex{2} << "blocks.1.final" << layer_norm << 1 << "final"
            << true << weight << 6 << int(StoredType::Float32);
        QTest::newRow("f16 Gemma-style rmsnorm, no eps")
            << "native_f16.h5" << SiteIndex{1} << "blocks.0.ln2" << rms_norm << 0 << "ln2" << false
            << one_plus << 5 << int(StoredType::Float16);
        QTest::newRow("bf16") << "native_bf16.h5" << SiteIndex{1} << "blocks.0.ln2" << layer_norm
                              << 0 << "ln2" << true << weight << 4 << int(StoredType::BFloat16);
        QTest::newRow("big-endian f8")
            << "native_big_endian.h5" << SiteIndex{0} << "blocks.0.ln1" << layer_norm << 0 << "ln1"
            << true << weight << 8 << int(StoredType::Float64);
    }

    void native_sites() {
        QFETCH(QString, file);
        QFETCH(SiteIndex, site);
        QFETCH(QString, module);
        QFETCH(int, kind);
        QFETCH(int, layer);
        QFETCH(QString, site_name);
        QFETCH(bool, has_eps);
        QFETCH(int, convention);
        QFETCH(int, d);
        QFETCH(int, type);
        const Dump dump = Dump::open(test::fixture_path(file.toUtf8()));
        const SiteInfo& info = dump.info().sites.at(site);
        QCOMPARE(text(info.key), QString("%1").arg(site, 3, 10, QChar('0')));
        QCOMPARE(text(info.module), module);
        QCOMPARE(int(info.kind), kind);
        QCOMPARE(info.layer, layer);
        QCOMPARE(text(info.site), site_name);
        QCOMPARE(info.has_eps, has_eps);
        QCOMPARE(info.eps, 1e-5);
        QCOMPARE(int(info.gamma_convention), convention);
        QCOMPARE(info.d, Index(d));
        QCOMPARE(int(info.input_type), type);
        QCOMPARE(int(info.output_type), type);
        QVERIFY(info.has_output && info.has_gamma && info.has_beta);
    }

    void site_placement() {
        const Dump dump = Dump::open(test::fixture_path("native_f32.h5"));
        const std::vector<SiteInfo>& sites = dump.info().sites;
        QCOMPARE(text(sites[0].stack), QString("decoder"));
        QCOMPARE(text(sites[0].role), QString("pre-attention"));
        QCOMPARE(sites[0].call, -1);
        QCOMPARE(sites[0].head, -1);
        QCOMPARE(text(sites[1].role), QString("inside-attention"));
        QCOMPARE(sites[1].call, 1);
        QCOMPARE(sites[1].head, 3);
        QCOMPARE(sites[1].slot, -1);
        QCOMPARE(text(sites[2].role), QString("final"));
        const Dump older = Dump::open(test::fixture_path("native_f16.h5"));
        QVERIFY(older.info().sites[0].stack.empty() && older.info().sites[0].role.empty());
    }

    void token_columns() {
        const Dump dump = Dump::open(test::fixture_path("native_f32.h5"));
        QVERIFY(dump.info().has_tokens && dump.info().has_sequence && dump.info().has_position);
        const std::vector<std::string> tokens = dump.read_tokens(11, 3);
        QCOMPARE(tokens.size(), size_t(3));
        QCOMPARE(text(tokens[0]), QString::fromUtf8("tok11é"));
        QCOMPARE(text(tokens[2]), QString::fromUtf8("tok13é"));
        QCOMPARE(dump.read_sequence(8, 4), (std::vector<std::int32_t>{0, 0, 1, 1}));
        QCOMPARE(dump.read_position(8, 4), (std::vector<std::int32_t>{8, 9, 0, 1}));
        QVERIFY(dump.read_tokens(37, 0).empty());
    }

    void fixed_length_tokens() {
        const Dump dump = Dump::open(test::fixture_path("native_bf16.h5"));
        const std::vector<std::string> tokens = dump.read_tokens(35, 2);
        QCOMPARE(tokens, (std::vector<std::string>{"fixed35", "fixed36"}));
    }

    void generic_sites() {
        const Dump dump = Dump::open(test::fixture_path("generic_3d.h5"));
        const DumpInfo& info = dump.info();
        QCOMPARE(info.layout, Layout::Generic3D);
        QVERIFY(info.model.empty());
        QVERIFY(!info.has_tokens);
        QCOMPARE(info.sites.size(), size_t(4));
        QCOMPARE(text(info.sites[2].module), QString("/run/hidden_states[2]"));
        QCOMPARE(text(info.sites[2].key), QString("002"));
        QCOMPARE(info.sites[2].layer, 2);
        QCOMPARE(info.sites[2].kind, NormKind::Unknown);
        QCOMPARE(info.sites[2].n_tokens, Index(30));
        QVERIFY(!info.sites[2].has_output);
        QVERIFY(!dump.read_gamma(2).has_value());
        const Dump flat = Dump::open(test::fixture_path("generic_2d.h5"));
        QCOMPARE(flat.info().layout, Layout::Generic2D);
        QCOMPARE(text(flat.info().sites.at(0).module), QString("/hidden"));
    }

    // The file also holds a hard-link cycle, a soft link and a dangling external link.
    void candidates_of_a_generic_file() {
        const std::vector<DatasetCandidate> found =
            Dump::list_datasets(test::fixture_path("generic_many.h5"));
        QCOMPARE(found.size(), size_t(3));
        QCOMPARE(text(found[0].path), QString("/a/b/brain"));
        QCOMPARE(found[0].type, StoredType::BFloat16);
        QCOMPARE(found[0].shape, (std::vector<Index>{3, 4}));
        QCOMPARE(text(found[1].path), QString("/a/b/stacked"));
        QCOMPARE(found[1].type, StoredType::Float64);
        QCOMPARE(found[1].shape, (std::vector<Index>{2, 3, 4}));
        QCOMPARE(text(found[2].path), QString("/a/hidden"));
        QCOMPARE(found[2].type, StoredType::Float32);
    }

    void candidates_of_a_native_file() {
        const std::vector<DatasetCandidate> found =
            Dump::list_datasets(test::fixture_path("native_f32.h5"));
        QStringList paths;
        for (const DatasetCandidate& candidate : found) paths << text(candidate.path);
        QCOMPARE(paths,
                 QStringList({"/norms/000/input", "/norms/000/output", "/norms/001/input",
                              "/norms/001/output", "/norms/002/input", "/norms/002/output"}));
    }

    void block_rows_follow_chunks_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<SiteIndex>("site");
        QTest::addColumn<qulonglong>("max_bytes");
        QTest::addColumn<int>("rows");
        // native_f32 site 0: chunks of 5 rows, 8 floats (32 bytes) a row, 37 tokens.
        QTest::newRow("chunked: whole chunks that fit")
            << "native_f32.h5" << SiteIndex{0} << 1000ull << 30;
        QTest::newRow("chunked: at least one chunk")
            << "native_f32.h5" << SiteIndex{0} << 10ull << 5;
        QTest::newRow("chunked: one chunk when not even a row fits")
            << "native_f32.h5" << SiteIndex{0} << 1ull << 5;
        QTest::newRow("capped at n_tokens") << "native_f32.h5" << SiteIndex{0} << 1000000ull << 37;
        QTest::newRow("contiguous: any rows that fit")
            << "native_f32.h5" << SiteIndex{1} << 100ull << 3;
        QTest::newRow("contiguous: at least one row")
            << "native_f32.h5" << SiteIndex{1} << 10ull << 1;
        QTest::newRow("float64 rows are 8 bytes a value")
            << "native_big_endian.h5" << SiteIndex{0} << 1000ull << 15;
        QTest::newRow("float16 widens to 4 bytes, rank 3 chunks of 7")
            << "generic_3d.h5" << SiteIndex{1} << 500ull << 7;
    }

    void block_rows_follow_chunks() {
        QFETCH(QString, file);
        QFETCH(SiteIndex, site);
        QFETCH(qulonglong, max_bytes);
        QFETCH(int, rows);
        const Dump dump = Dump::open(test::fixture_path(file.toUtf8()));
        QCOMPARE(dump.block_rows(site, max_bytes), Index(rows));
    }
};

QTEST_GUILESS_MAIN(TestDumpMetadata)
#include "test_dump_metadata.moc"
