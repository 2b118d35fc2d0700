#pragma once
// Typed errors of the core. Every message names the file, the object inside it and the reason,
// so a user can tell which of their files is wrong and why.

#include <stdexcept>
#include <string>

namespace lngeom {

class Error : public std::runtime_error {
  public:
    Error(std::string file, std::string object, std::string reason);
    const std::string& file() const { return file_; }
    const std::string& object() const { return object_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string file_;
    std::string object_;
    std::string reason_;
};

// An HDF5 library call failed; reason() carries the HDF5 error stack.
class Hdf5Error : public Error {
  public:
    using Error::Error;
};

// libhdf5 crashed, hung or corrupted its memory on the file while the validation probe read it
// (core/isolation/): lngeom refuses the file rather than read it in its own process.
class Hdf5CrashError : public Hdf5Error {
  public:
    using Hdf5Error::Hdf5Error;
};

// The file is readable but its content is not a layout lngeom understands
// (missing dataset, wrong rank or dtype, mismatched shapes, ...).
class FormatError : public Error {
  public:
    using Error::Error;
};

// A generic file holds several candidate datasets and none was named: the cue for a dataset
// picker. The reason lists the candidates with their shapes.
class SeveralDatasetsError : public FormatError {
  public:
    using FormatError::FormatError;
};

// A read asked for something the dump does not have: a site, a row range, an output stream.
class RequestError : public Error {
  public:
    using Error::Error;
};

// A long pass was cancelled by the user.
class CancelledError : public Error {
  public:
    using Error::Error;
};

}  // namespace lngeom
