#pragma once
// Where the dump-reader tests find the files make_io_fixtures.py wrote, and the values numpy
// computed for them.

#include <QFile>
#include <QString>
#include <QTest>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace lngeom::test {

inline std::string fixture_path(const char* name) {
    return std::string(LNGEOM_TEST_OUTPUT_DIR) + "/io-fixtures/" + name;
}

// The float64 values numpy wrote for one site and stream, row-major (n_tokens × d).
inline std::vector<double> expected_values(const char* file, const std::string& key,
                                           const char* stream) {
    QFile data(QString::fromStdString(fixture_path(file) + "." + key + "." + stream + ".f64"));
    if (!data.open(QIODevice::ReadOnly)) return {};
    const QByteArray bytes = data.readAll();
    std::vector<double> values(size_t(bytes.size()) / sizeof(double));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(double));
    return values;
}

// Equal, or both NaN: numpy's conversion may quiet a signalling NaN, which changes no value.
inline bool same_value(double actual, double expected) {
    return actual == expected || (std::isnan(actual) && std::isnan(expected));
}

}  // namespace lngeom::test
