// The HDF5 wrapper under the dump reader: handles own and close their identifiers, and a failed
// call becomes an Hdf5Error carrying HDF5's own account of the failure, never stderr noise.
#include <unistd.h>

#include <QTemporaryFile>
#include <QTest>
#include <type_traits>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_objects.h"
#include "tests/core/test_dump_fixtures.h"

using namespace lngeom;

static_assert(!std::is_copy_constructible_v<hdf5::File>);
static_assert(!std::is_copy_assignable_v<hdf5::Dataset>);
static_assert(std::is_nothrow_move_constructible_v<hdf5::Group>);
static_assert(std::is_nothrow_move_assignable_v<hdf5::Attribute>);

class TestDumpHdf5Layer : public QObject {
    Q_OBJECT

  private slots:
    void handle_closes_at_scope_exit() {
        hid_t id = H5I_INVALID_HID;
        {
            const hdf5::File file = hdf5::open_file_read_only(test::fixture_path("empty.h5"));
            id = file.id();
            QVERIFY(H5Iis_valid(id) > 0);
        }
        QCOMPARE(H5Iis_valid(id), htri_t(0));
    }

    void moved_handle_keeps_the_identifier() {
        hdf5::File first = hdf5::open_file_read_only(test::fixture_path("empty.h5"));
        const hid_t id = first.id();
        hdf5::File second(std::move(first));
        QVERIFY(!first.valid());
        QCOMPARE(second.id(), id);
        hdf5::File third;
        third = std::move(second);
        QVERIFY(!second.valid());
        QCOMPARE(third.id(), id);
        QVERIFY(H5Iis_valid(id) > 0);
    }

    void failed_call_carries_the_error_stack() {
        const std::string path = test::fixture_path("empty.h5");
        const hdf5::File file = hdf5::open_file_read_only(path);
        try {
            hdf5::open_group(file.id(), "/absent", {path, "/"});
            QFAIL("opening a missing group did not throw");
        } catch (const Hdf5Error& error) {
            QCOMPARE(QString::fromStdString(error.file()), QString::fromStdString(path));
            QCOMPARE(QString::fromStdString(error.object()), QString("/absent"));
            const QString reason = QString::fromStdString(error.reason());
            QVERIFY2(reason.startsWith("cannot open group [HDF5: "), qPrintable(reason));
            QVERIFY2(reason.contains("doesn't exist"), qPrintable(reason));
        }
    }

    void nothing_is_printed_to_stderr() {
        QTemporaryFile capture;
        QVERIFY(capture.open());
        const int saved = dup(STDERR_FILENO);
        dup2(capture.handle(), STDERR_FILENO);
        const std::string path = test::fixture_path("empty.h5");
        const hdf5::File file = hdf5::open_file_read_only(path);
        QVERIFY_THROWS_EXCEPTION(Hdf5Error, hdf5::open_group(file.id(), "/absent", {path, "/"}));
        dup2(saved, STDERR_FILENO);
        close(saved);
        QCOMPARE(capture.size(), qint64(0));
    }

    void missing_components_are_absent() {
        const std::string path = test::fixture_path("generic_many.h5");
        const hdf5::File file = hdf5::open_file_read_only(path);
        QVERIFY(hdf5::object_exists(file.id(), "/a/b/stacked", {path, ""}));
        QVERIFY(hdf5::object_exists(file.id(), "/", {path, ""}));
        QVERIFY(!hdf5::object_exists(file.id(), "/a/nothing/deeper", {path, ""}));
        QVERIFY(hdf5::is_group(file.id(), "/a/b/up", {path, ""}));
        // External links, dangling or not, are refused when named: never followed.
        QVERIFY_THROWS_EXCEPTION(FormatError,
                                 hdf5::object_exists(file.id(), "/outside", {path, ""}));
        QVERIFY_THROWS_EXCEPTION(FormatError,
                                 hdf5::is_dataset(file.id(), "/elsewhere", {path, ""}));
    }
};

QTEST_GUILESS_MAIN(TestDumpHdf5Layer)
#include "test_dump_hdf5_layer.moc"
