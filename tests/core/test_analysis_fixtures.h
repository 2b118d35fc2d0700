#pragma once
// Where the analysis tests find what make_analysis_fixtures.py wrote (numpy and torch answers
// in float64), and readers for its JSON.

#include <Eigen/Core>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <cmath>
#include <limits>
#include <string>

#include "core/io/dump.h"

namespace lngeom::test {

inline std::string analysis_fixture(const std::string& name) {
    return std::string(LNGEOM_TEST_OUTPUT_DIR) + "/analysis-fixtures/" + name;
}

inline QJsonObject analysis_json(const std::string& name) {
    QFile file(QString::fromStdString(analysis_fixture(name)));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// A JSON number, or NaN for null.
inline double number_of(const QJsonValue& value) {
    return value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
}

inline Eigen::VectorXd vector_of(const QJsonValue& value) {
    const QJsonArray array = value.toArray();
    Eigen::VectorXd vector(array.size());
    for (int i = 0; i < array.size(); ++i) vector(i) = number_of(array[i]);
    return vector;
}

// An array of rows (all of one length) as a row-major matrix.
inline RowMatrixD matrix_of(const QJsonValue& value) {
    const QJsonArray rows = value.toArray();
    const int columns = rows.isEmpty() ? 0 : rows[0].toArray().size();
    RowMatrixD matrix(rows.size(), columns);
    for (int r = 0; r < rows.size(); ++r) matrix.row(r) = vector_of(rows[r]).transpose();
    return matrix;
}

// |actual − expected| ≤ tolerance, or both NaN.
inline bool near(double actual, double expected, double tolerance) {
    if (std::isnan(expected)) return std::isnan(actual);
    return std::abs(actual - expected) <= tolerance;
}

}  // namespace lngeom::test
