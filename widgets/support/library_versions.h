#pragma once
// The versions of the libraries lngeom was built with, for the About box and bug reports.

#include <string>

namespace lngeom::widgets {

// One line per library: Qt, VTK, HDF5, Eigen.
std::string libraryVersionsText();

}  // namespace lngeom::widgets
