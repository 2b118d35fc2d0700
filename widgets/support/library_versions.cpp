#include "widgets/support/library_versions.h"

#include <hdf5.h>
#include <vtkVersion.h>
#include <Eigen/Core>
#include <QtGlobal>

#include <string>

namespace lngeom::widgets {
namespace {

std::string hdf5Version() {
    unsigned major = 0, minor = 0, release = 0;
    H5get_libversion(&major, &minor, &release);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(release);
}

}  // namespace

std::string libraryVersionsText() {
    return std::string("Qt ") + qVersion() + "\nVTK " + vtkVersion::GetVTKVersion() + "\nHDF5 " +
           hdf5Version() + "\nEigen " + std::to_string(EIGEN_WORLD_VERSION) + "." +
           std::to_string(EIGEN_MAJOR_VERSION) + "." + std::to_string(EIGEN_MINOR_VERSION);
}

}  // namespace lngeom::widgets
