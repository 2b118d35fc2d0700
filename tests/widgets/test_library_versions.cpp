// The About box's library versions are the ones this build runs with.

#include <hdf5.h>
#include <vtkVersionMacros.h>
#include <Eigen/Core>
#include <QtTest>

#include "widgets/support/library_versions.h"

class TestLibraryVersions : public QObject {
    Q_OBJECT
  private slots:
    void namesEveryLibraryWithItsVersion_data();
    void namesEveryLibraryWithItsVersion();
};

void TestLibraryVersions::namesEveryLibraryWithItsVersion_data() {
    QTest::addColumn<QString>("line");
    QTest::newRow("Qt") << QString("Qt ") + qVersion();
    QTest::newRow("VTK") << QString("VTK ") + VTK_VERSION;
    QTest::newRow("HDF5")
        << QString("HDF5 %1.%2.%3").arg(H5_VERS_MAJOR).arg(H5_VERS_MINOR).arg(H5_VERS_RELEASE);
    QTest::newRow("Eigen") << QString("Eigen %1.%2.%3")
                                  .arg(EIGEN_WORLD_VERSION)
                                  .arg(EIGEN_MAJOR_VERSION)
                                  .arg(EIGEN_MINOR_VERSION);
}

void TestLibraryVersions::namesEveryLibraryWithItsVersion() {
    QFETCH(QString, line);
    const QStringList lines =
        QString::fromStdString(lngeom::widgets::libraryVersionsText()).split('\n');
    QVERIFY2(lines.contains(line), qPrintable(lines.join(" | ")));
}

QTEST_GUILESS_MAIN(TestLibraryVersions)
#include "test_library_versions.moc"
