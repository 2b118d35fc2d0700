#pragma once
// What the shard, merge and MPI tests share: running a command, the fixtures of
// make_cluster_fixtures.py, and comparing two `--format json` reports the way the docs promise
// (everything equal but means and standard deviations, which may differ by 1e−12 relative).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTest>
#include <algorithm>
#include <cmath>

#include "tests/app/command_run.h"

namespace lngeom::test {

inline QString cluster_fixture(const QString& name) {
    return QString(LNGEOM_TEST_OUTPUT_DIR) + "/cluster-fixtures/" + name;
}

inline bool within_relative(double a, double b, double tolerance) {
    return std::abs(a - b) <= tolerance * std::max(std::abs(a), std::abs(b));
}

// The scale a metric's SD is compared at: the SD itself, but at least 1e−3 of the mean. An SD far
// below its mean (a nearly constant output norm) comes from the cancellation of squares of the
// mean's size; merged in another order it differs in digits no order can keep.
inline double std_scale(const QJsonObject& a, const QJsonObject& b) {
    const double mean = a["mean"].isDouble() ? std::abs(a["mean"].toDouble()) : 0;
    return std::max({std::abs(a["std"].toDouble()), std::abs(b["std"].toDouble()), 1e-3 * mean});
}

// Same keys and values; numbers under "mean" within 1e−12 relative, under "std" within 1e−12 of
// std_scale().
inline void compare_reports(const QJsonValue& actual, const QJsonValue& expected,
                            const QString& where) {
    if (actual.isObject() && expected.isObject()) {
        const QJsonObject a = actual.toObject(), b = expected.toObject();
        QVERIFY2(a.keys() == b.keys(), qPrintable(where + ": keys differ"));
        for (const QString& key : a.keys()) {
            if (key == "mean" && a[key].isDouble() && b[key].isDouble()) {
                QVERIFY2(within_relative(a[key].toDouble(), b[key].toDouble(), 1e-12),
                         qPrintable(where + "." + key));
                continue;
            }
            if (key == "std" && a[key].isDouble() && b[key].isDouble()) {
                QVERIFY2(std::abs(a[key].toDouble() - b[key].toDouble()) <= 1e-12 * std_scale(a, b),
                         qPrintable(where + "." + key));
                continue;
            }
            compare_reports(a[key], b[key], where + "." + key);
            if (QTest::currentTestFailed()) return;
        }
        return;
    }
    if (actual.isArray() && expected.isArray()) {
        const QJsonArray a = actual.toArray(), b = expected.toArray();
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            compare_reports(a[i], b[i], where + "[" + QString::number(i) + "]");
            if (QTest::currentTestFailed()) return;
        }
        return;
    }
    QVERIFY2(actual == expected, qPrintable(where + ": " + actual.toVariant().toString() + " vs " +
                                            expected.toVariant().toString()));
}

inline QJsonObject parse_report(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) qWarning() << error.errorString();
    return document.object();
}

}  // namespace lngeom::test
