#include "core/errors.h"

#include <utility>

namespace lngeom {

namespace {
std::string compose(const std::string& file, const std::string& object, const std::string& reason) {
    std::string message = file.empty() ? std::string("lngeom") : file;
    if (!object.empty()) message += ": " + object;
    return message + ": " + reason;
}
}  // namespace

Error::Error(std::string file, std::string object, std::string reason)
    : std::runtime_error(compose(file, object, reason)),
      file_(std::move(file)),
      object_(std::move(object)),
      reason_(std::move(reason)) {}

}  // namespace lngeom
