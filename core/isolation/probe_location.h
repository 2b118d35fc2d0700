#pragma once
// Where lngeom-probe is: beside the running executable (the build tree's app/ directory, or an
// installed bin/ whose ../libexec/lngeom/ holds it), else where this build made it.

#include <string>

namespace lngeom {

std::string default_probe_path();

}  // namespace lngeom
