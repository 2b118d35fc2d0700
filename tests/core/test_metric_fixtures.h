#pragma once
// Where the metrics tests find the dumps make_metric_fixtures.py wrote, and the per-token
// metrics and summaries it computed for them with torch and numpy.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace lngeom::test {

inline const QStringList& metric_fixture_types() {
    static const QStringList types{"float16", "bfloat16", "float32", "float64"};
    return types;
}

inline std::string metric_fixture(const QString& type) {
    return std::string(LNGEOM_TEST_OUTPUT_DIR) + "/metric-fixtures/metrics-" + type.toStdString() +
           ".h5";
}

inline QByteArray fixture_bytes(const std::string& path) {
    QFile file(QString::fromStdString(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The expected per-token metrics of one site, row-major (n_tokens × n_metrics).
inline std::vector<double> expected_site_metrics(const std::string& dump, const std::string& key) {
    const QByteArray bytes = fixture_bytes(dump + "." + key + ".metrics.f64");
    std::vector<double> values(size_t(bytes.size()) / sizeof(double));
    std::memcpy(values.data(), bytes.constData(), values.size() * sizeof(double));
    return values;
}

inline std::vector<std::uint8_t> expected_site_flags(const std::string& dump,
                                                     const std::string& key) {
    const QByteArray bytes = fixture_bytes(dump + "." + key + ".flags.u8");
    return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

// {"sites": [{"key", "module", ..., "metrics": {name: {"mean", ...}}}]} as numpy computed it.
inline QJsonArray expected_sites(const std::string& dump) {
    return QJsonDocument::fromJson(fixture_bytes(dump + ".expected.json"))
        .object()
        .value("sites")
        .toArray();
}

// Equal within `relative` of the larger of 1 and |expected|, or both NaN.
inline bool close_to(double actual, double expected, double relative) {
    if (std::isnan(expected)) return std::isnan(actual);
    return std::abs(actual - expected) <= relative * std::max(1.0, std::abs(expected));
}

}  // namespace lngeom::test
