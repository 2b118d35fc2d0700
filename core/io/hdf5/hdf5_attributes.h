#pragma once
// Internal to the core: reading scalar attributes (strings of either length kind, integers,
// floating point) into AttributeValue.

#include <optional>
#include <string>

#include "core/io/dump.h"
#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

// An object carrying more attributes than this is refused by read_attributes.
inline constexpr hsize_t kMaxAttributesRead = 4096;

// Every scalar string/integer/float attribute of an object; other attributes (arrays, compound
// values) are left out, since they have no place in the model description. FormatError when
// the object has more than kMaxAttributesRead attributes.
AttributeMap read_attributes(hid_t object, const Where& where);

// The attribute's value, read leniently: nullopt when it is absent or not a scalar string or
// number.
std::optional<AttributeValue> scalar_attribute(hid_t object, const std::string& name,
                                               const Where& where);

// nullopt when the attribute is absent; FormatError when it is present with another type.
std::optional<std::string> string_attribute(hid_t object, const std::string& name,
                                            const Where& where);
std::optional<std::int64_t> integer_attribute(hid_t object, const std::string& name,
                                              const Where& where);
// Accepts integers too (eps = 0 written as an int is still a number).
std::optional<double> number_attribute(hid_t object, const std::string& name, const Where& where);

}  // namespace lngeom::hdf5
