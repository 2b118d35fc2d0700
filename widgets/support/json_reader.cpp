#include "widgets/support/json_reader.h"

#include <cmath>
#include <limits>
#include <utility>

#include "core/errors.h"

namespace lngeom::widgets {
namespace {

// 2^53: beyond it a JSON number no longer holds every integer.
constexpr double kLargestWhole = 9007199254740992.0;

}  // namespace

JsonReader::JsonReader(QJsonObject json, QString file, QString prefix)
    : json_(std::move(json)), file_(std::move(file)), prefix_(std::move(prefix)) {}

QString JsonReader::path(const QString& key) const {
    return prefix_.isEmpty() ? key : prefix_ + "." + key;
}

void JsonReader::fail(const QString& key, const QString& reason) const {
    throw FormatError(file_.toStdString(), path(key).toStdString(), reason.toStdString());
}

bool JsonReader::has(const char* key) const {
    const QJsonValue found = json_.value(key);
    return !found.isUndefined() && !found.isNull();
}

QJsonValue JsonReader::value(const char* key, QJsonValue::Type type, const char* what) const {
    if (!has(key)) return QJsonValue(QJsonValue::Undefined);
    const QJsonValue found = json_.value(key);
    if (found.type() != type) fail(key, QString("must be %1").arg(what));
    return found;
}

bool JsonReader::hasObject(const char* key) const { return json_.value(key).isObject(); }

double JsonReader::number(const char* key, double fallback) const {
    return value(key, QJsonValue::Double, "a number").toDouble(fallback);
}

std::int64_t JsonReader::whole(const char* key, double low, double high) const {
    const double found = value(key, QJsonValue::Double, "a whole number").toDouble();
    if (found != std::floor(found) || found < low || found > high)
        fail(key, "must be a whole number");
    return std::int64_t(found);
}

int JsonReader::integer(const char* key, int fallback) const {
    if (!has(key)) return fallback;
    return int(whole(key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
}

std::int64_t JsonReader::integer(const char* key, std::int64_t fallback) const {
    return has(key) ? whole(key, -kLargestWhole, kLargestWhole) : fallback;
}

int JsonReader::positiveInteger(const char* key, int fallback) const {
    const int value = integer(key, fallback);
    if (value < 1) fail(key, "must be at least 1");
    return value;
}

std::optional<SiteIndex> JsonReader::siteIndex(const char* key) const {
    const std::int64_t site = integer(key, std::int64_t{-1});
    if (site < 0) return std::nullopt;
    return SiteIndex(site);
}

bool JsonReader::boolean(const char* key, bool fallback) const {
    return value(key, QJsonValue::Bool, "true or false").toBool(fallback);
}

QString JsonReader::string(const char* key, const QString& fallback) const {
    return value(key, QJsonValue::String, "a string").toString(fallback);
}

QJsonArray JsonReader::array(const char* key) const {
    return value(key, QJsonValue::Array, "an array").toArray();
}

std::vector<double> JsonReader::numbers(const char* key, int size, const char* what) const {
    const QJsonArray found = array(key);
    if (!has(key)) return {};
    std::vector<double> values;
    for (const QJsonValue number : found)
        if (number.isDouble()) values.push_back(number.toDouble());
    if (values.size() != std::size_t(size) || found.size() != size)
        fail(key, QString("must be an array of %1 numbers%2")
                      .arg(size)
                      .arg(what ? QString(" (%1)").arg(what) : QString()));
    return values;
}

std::vector<Index> JsonReader::tokens(const char* key) const {
    const QJsonArray found = array(key);
    std::vector<Index> tokens;
    for (int at = 0; at < found.size(); ++at) {
        const double token = found[at].toDouble(-1);
        if (!found[at].isDouble() || token < 0 || token > kLargestWhole ||
            token != std::floor(token))
            fail(QString("%1[%2]").arg(key).arg(at), "must be a token index");
        tokens.push_back(Index(token));
    }
    return tokens;
}

Metric JsonReader::metric(const char* key, Metric fallback) const {
    if (!has(key)) return fallback;
    const QString name = string(key);
    const std::optional<Metric> metric = metric_from_key(name.toStdString());
    if (!metric) fail(key, QString("'%1' is not a metric").arg(name));
    return *metric;
}

JsonReader JsonReader::object(const char* key) const {
    return {value(key, QJsonValue::Object, "an object").toObject(), file_, path(key)};
}

JsonReader JsonReader::element(const char* key, int index) const {
    const QString at = QString("%1[%2]").arg(key).arg(index);
    const QJsonValue found = array(key).at(index);
    if (!found.isObject()) fail(at, "must be an object");
    return {found.toObject(), file_, path(at)};
}

}  // namespace lngeom::widgets
