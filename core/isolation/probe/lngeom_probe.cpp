// lngeom-probe FILE [DATASET]: validates a file for lngeom in a process of its own (see
// core/isolation/contained_open.h), telling each step and the outcome on standard output
// (core/isolation/probe_report.h). Exit status 0 when valid, 1 when refused, 2 for a usage
// mistake; a crash inside libhdf5 ends it by a signal or AddressSanitizer's report.
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <string>

#include "core/errors.h"
#include "core/io/dump_validation.h"
#include "core/isolation/probe_report.h"

int main(int argc, char* argv[]) {
    if (argc < 2 || argc > 3) {
        std::fputs("usage: lngeom-probe FILE [DATASET]\n", stderr);
        return 2;
    }
    const std::string path = argv[1];
    try {
        lngeom::validate_dump(path, argc == 3 ? argv[2] : "",
                              [](const std::string& object, std::string_view activity) {
                                  lngeom::report_step(STDOUT_FILENO, object, activity);
                              });
        lngeom::report_valid(STDOUT_FILENO);
        return 0;
    } catch (const lngeom::Error& error) {
        lngeom::report_error(STDOUT_FILENO, error);
    } catch (const std::exception& error) {
        lngeom::report_error(STDOUT_FILENO,
                             lngeom::Hdf5Error(path, "", std::string("failed: ") + error.what()));
    }
    return 1;
}
