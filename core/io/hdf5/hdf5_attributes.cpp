#include "core/io/hdf5/hdf5_attributes.h"

#include <vector>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_activity.h"

namespace lngeom::hdf5 {

namespace {

// Read with the file's own string type: HDF5 converts no character sets, and ASCII and UTF-8
// bytes both go into std::string unchanged.
std::string read_variable_string(const Attribute& attribute, hid_t file_type, const Where& where) {
    Datatype memory(check_id(H5Tcopy(file_type), where, "cannot copy string type"));
    char* text = nullptr;
    check_status(H5Aread(attribute.id(), memory.id(), &text), where, "cannot read attribute");
    std::string value = text ? text : "";
    H5free_memory(text);
    return value;
}

std::string read_fixed_string(const Attribute& attribute, hid_t file_type, const Where& where) {
    const size_t size = H5Tget_size(file_type);
    std::vector<char> buffer(size + 1, '\0');
    Datatype memory(check_id(H5Tcopy(file_type), where, "cannot copy string type"));
    check_status(H5Aread(attribute.id(), memory.id(), buffer.data()), where,
                 "cannot read attribute");
    std::string value(buffer.data());  // Stops at the first NUL padding byte.
    if (H5Tget_strpad(file_type) == H5T_STR_SPACEPAD) {
        value.erase(value.find_last_not_of(' ') + 1);
    }
    return value;
}

bool is_scalar(const Attribute& attribute, const Where& where) {
    Dataspace space(check_id(H5Aget_space(attribute.id()), where, "cannot get attribute space"));
    const hssize_t points = H5Sget_simple_extent_npoints(space.id());
    return points == 1;
}

// The value, or nullopt for a type that is neither string, integer nor float.
std::optional<AttributeValue> read_value(const Attribute& attribute, const Where& where) {
    if (!is_scalar(attribute, where)) return std::nullopt;
    Datatype type(check_id(H5Aget_type(attribute.id()), where, "cannot get attribute type"));
    switch (H5Tget_class(type.id())) {
        case H5T_STRING:
            if (H5Tis_variable_str(type.id()) > 0)
                return read_variable_string(attribute, type.id(), where);
            return read_fixed_string(attribute, type.id(), where);
        case H5T_INTEGER: {
            std::int64_t value = 0;
            check_status(H5Aread(attribute.id(), H5T_NATIVE_INT64, &value), where,
                         "cannot read attribute");
            return value;
        }
        case H5T_FLOAT: {
            double value = 0;
            check_status(H5Aread(attribute.id(), H5T_NATIVE_DOUBLE, &value), where,
                         "cannot read attribute");
            return value;
        }
        default:
            return std::nullopt;
    }
}

bool attribute_exists(hid_t object, const std::string& name, const Where& where) {
    const htri_t exists = H5Aexists(object, name.c_str());
    check_status(exists, {where.file, where.object + "@" + name}, "cannot look up attribute");
    return exists > 0;
}

// The value, or nullopt when the attribute is absent or not a scalar string or number.
std::optional<AttributeValue> read_if_scalar(hid_t object, const std::string& name,
                                             const Where& where) {
    announce(where, "reading its attribute '" + name + "'");
    if (!attribute_exists(object, name, where)) return std::nullopt;
    const Where here{where.file, where.object + "@" + name};
    Attribute attribute(
        check_id(H5Aopen(object, name.c_str(), H5P_DEFAULT), here, "cannot open attribute"));
    return read_value(attribute, here);
}

std::optional<AttributeValue> read_named(hid_t object, const std::string& name,
                                         const Where& where) {
    std::optional<AttributeValue> value = read_if_scalar(object, name, where);
    if (value || !attribute_exists(object, name, where)) return value;
    throw FormatError(where.file, where.object,
                      "attribute '" + name + "' is not a scalar string or number");
}

// Every attribute is read to describe the model, so their number is bounded first: a file
// may carry millions, and each costs a lookup and memory.
void require_countable_attributes(hid_t object, const Where& where) {
    H5O_info_t info;
    check_status(H5Oget_info2(object, &info, H5O_INFO_NUM_ATTRS), where,
                 "cannot count the attributes");
    if (info.num_attrs <= kMaxAttributesRead) return;
    throw FormatError(where.file, where.object,
                      "has " + std::to_string(info.num_attrs) +
                          " attributes; lngeom reads at most " +
                          std::to_string(kMaxAttributesRead) +
                          " to describe a model (a real model has a few dozen)");
}

const char* kind_name(const AttributeValue& value) {
    if (std::holds_alternative<std::string>(value)) return "a string";
    if (std::holds_alternative<std::int64_t>(value)) return "an integer";
    return "a floating-point number";
}

[[noreturn]] void throw_wrong_kind(const std::string& name, const char* expected,
                                   const AttributeValue& found, const Where& where) {
    throw FormatError(
        where.file, where.object,
        "attribute '" + name + "' should be " + expected + ", found " + kind_name(found));
}

// libhdf5 1.10 lists attributes by copying every decoded message into a table, and when one
// message fails to decode it frees the half-built table's unset entries and crashes (H5A__close
// under H5Aiterate2). Looking up a name no attribute has decodes the same messages one by one
// and fails cleanly, so a damaged message is reported before the listing can crash on it.
void require_decodable_attributes(hid_t object, const Where& where) {
    const htri_t found = H5Aexists(object, "\x01lngeom: no attribute has this name");
    check_status(found, where, "has a damaged attribute message");
}

herr_t collect_name(hid_t, const char* name, const H5A_info_t*, void* data) {
    static_cast<std::vector<std::string>*>(data)->push_back(name);
    return 0;
}

}  // namespace

AttributeMap read_attributes(hid_t object, const Where& where) {
    announce(where, "reading its attributes");
    require_countable_attributes(object, where);
    require_decodable_attributes(object, where);
    std::vector<std::string> names;
    hsize_t index = 0;
    check_status(H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, &index, collect_name, &names),
                 where, "cannot list the attributes");
    AttributeMap map;
    for (const std::string& name : names) {
        const Where here{where.file, where.object + "@" + name};
        Attribute attribute(
            check_id(H5Aopen(object, name.c_str(), H5P_DEFAULT), here, "cannot open attribute"));
        if (auto value = read_value(attribute, here)) map[name] = std::move(*value);
    }
    return map;
}

std::optional<AttributeValue> scalar_attribute(hid_t object, const std::string& name,
                                               const Where& where) {
    return read_if_scalar(object, name, where);
}

std::optional<std::string> string_attribute(hid_t object, const std::string& name,
                                            const Where& where) {
    const auto value = read_named(object, name, where);
    if (!value) return std::nullopt;
    if (const auto* text = std::get_if<std::string>(&*value)) return *text;
    throw_wrong_kind(name, "a string", *value, where);
}

std::optional<std::int64_t> integer_attribute(hid_t object, const std::string& name,
                                              const Where& where) {
    const auto value = read_named(object, name, where);
    if (!value) return std::nullopt;
    if (const auto* number = std::get_if<std::int64_t>(&*value)) return *number;
    throw_wrong_kind(name, "an integer", *value, where);
}

std::optional<double> number_attribute(hid_t object, const std::string& name, const Where& where) {
    const auto value = read_named(object, name, where);
    if (!value) return std::nullopt;
    if (const auto* number = std::get_if<double>(&*value)) return *number;
    if (const auto* number = std::get_if<std::int64_t>(&*value)) return double(*number);
    throw_wrong_kind(name, "a number", *value, where);
}

}  // namespace lngeom::hdf5
