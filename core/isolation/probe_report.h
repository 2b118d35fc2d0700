#pragma once
// What lngeom-probe tells lngeom, one line each on its standard output, tab-separated:
//   step   OBJECT ACTIVITY              before each step of the validation
//   error  KIND OBJECT REASON           the validation refused the file (a lngeom::Error)
//   valid                               every step succeeded
// Written with write(2), unbuffered, so every step before a crash has reached the reader.

#include <optional>
#include <string>
#include <string_view>

#include "core/errors.h"

namespace lngeom {

// The probe's side; `fd` is its standard output.
void report_step(int fd, const std::string& object, std::string_view activity);
void report_error(int fd, const Error& error);
void report_valid(int fd);

// lngeom's side: the lines as they arrive.
class ProbeReport {
  public:
    void take_line(std::string_view line);

    // The last step announced, and the object it was about (empty before the first step).
    const std::string& object() const { return object_; }
    const std::string& activity() const { return activity_; }
    bool valid() const { return valid_; }
    // Throws the error the probe reported, as the same Error subclass, for `file`.
    void rethrow_error(const std::string& file) const;
    bool has_error() const { return error_kind_.has_value(); }

  private:
    std::string object_;
    std::string activity_ = "opening the file";
    bool valid_ = false;
    std::optional<std::string> error_kind_;
    std::string error_object_;
    std::string error_reason_;
};

}  // namespace lngeom
