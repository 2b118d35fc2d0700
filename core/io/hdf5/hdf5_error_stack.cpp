#include <string>
#include <vector>

#include "core/errors.h"
#include "core/io/hdf5/hdf5_handles.h"

namespace lngeom::hdf5 {

namespace {

std::string message_text(hid_t message_id) {
    char buffer[256] = {};
    if (H5Eget_msg(message_id, nullptr, buffer, sizeof buffer) < 0) return {};
    return buffer;
}

// One stack entry as "description (major: minor)".
std::string entry_text(const H5E_error2_t& entry) {
    std::string text = entry.desc ? entry.desc : "";
    const std::string major = message_text(entry.maj_num);
    const std::string minor = message_text(entry.min_num);
    if (!major.empty() || !minor.empty()) text += " (" + major + ": " + minor + ")";
    return text;
}

herr_t collect_entry(unsigned, const H5E_error2_t* entry, void* client_data) {
    static_cast<std::vector<std::string>*>(client_data)->push_back(entry_text(*entry));
    return 0;
}

}  // namespace

std::string take_error_stack_text() {
    const hid_t stack = H5Eget_current_stack();
    if (stack < 0) return {};
    std::vector<std::string> entries;
    // Upward walk: the most specific cause first, the API call that reported it last.
    H5Ewalk2(stack, H5E_WALK_UPWARD, collect_entry, &entries);
    H5Eclose_stack(stack);
    std::string text;
    for (const std::string& entry : entries) text += (text.empty() ? "" : "; ") + entry;
    return text;
}

void silence_error_printing() {
    thread_local bool silenced = false;
    if (silenced) return;
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    silenced = true;
}

void throw_error(const Where& where, std::string_view what) {
    const std::string stack = take_error_stack_text();
    std::string reason(what);
    if (!stack.empty()) reason += " [HDF5: " + stack + "]";
    throw Hdf5Error(where.file, where.object, reason);
}

}  // namespace lngeom::hdf5
