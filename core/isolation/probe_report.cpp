#include "core/isolation/probe_report.h"

#include <unistd.h>

#include <vector>

namespace lngeom {

namespace {

// Fields may hold any text: tabs, newlines and backslashes are escaped.
std::string escaped(std::string_view text) {
    std::string result;
    for (const char c : text) {
        if (c == '\\')
            result += "\\\\";
        else if (c == '\t')
            result += "\\t";
        else if (c == '\n')
            result += "\\n";
        else
            result += c;
    }
    return result;
}

std::string unescaped(std::string_view text) {
    std::string result;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            result += text[i];
            continue;
        }
        const char next = text[++i];
        result += next == 't' ? '\t' : next == 'n' ? '\n' : next;
    }
    return result;
}

std::vector<std::string> fields(std::string_view line) {
    std::vector<std::string> result;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
        result.push_back(unescaped(line.substr(start, tab - start)));
    result.push_back(unescaped(line.substr(start)));
    return result;
}

void write_line(int fd, std::string line) {
    line += '\n';
    for (std::size_t done = 0; done < line.size();) {
        const ssize_t n = ::write(fd, line.data() + done, line.size() - done);
        if (n <= 0) return;  // lngeom stopped listening: nothing left to tell
        done += std::size_t(n);
    }
}

const char* kind_of(const Error& error) {
    if (dynamic_cast<const SeveralDatasetsError*>(&error)) return "several-datasets";
    if (dynamic_cast<const FormatError*>(&error)) return "format";
    if (dynamic_cast<const RequestError*>(&error)) return "request";
    return "hdf5";
}

}  // namespace

void report_step(int fd, const std::string& object, std::string_view activity) {
    write_line(fd, "step\t" + escaped(object) + "\t" + escaped(activity));
}

void report_error(int fd, const Error& error) {
    write_line(fd, std::string("error\t") + kind_of(error) + "\t" + escaped(error.object()) + "\t" +
                       escaped(error.reason()));
}

void report_valid(int fd) { write_line(fd, "valid"); }

void ProbeReport::take_line(std::string_view line) {
    const std::vector<std::string> parts = fields(line);
    if (parts[0] == "step" && parts.size() == 3) {
        object_ = parts[1];
        activity_ = parts[2];
    } else if (parts[0] == "error" && parts.size() == 4) {
        error_kind_ = parts[1];
        error_object_ = parts[2];
        error_reason_ = parts[3];
    } else if (parts[0] == "valid") {
        valid_ = true;
    }
}

void ProbeReport::rethrow_error(const std::string& file) const {
    const std::string& kind = error_kind_.value_or("hdf5");
    if (kind == "several-datasets") throw SeveralDatasetsError(file, error_object_, error_reason_);
    if (kind == "format") throw FormatError(file, error_object_, error_reason_);
    if (kind == "request") throw RequestError(file, error_object_, error_reason_);
    throw Hdf5Error(file, error_object_, error_reason_);
}

}  // namespace lngeom
