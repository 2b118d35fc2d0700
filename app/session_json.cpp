#include "app/session_json.h"

namespace lngeom::app {

SessionJsonReader::SessionJsonReader(QJsonObject json, QString source, QString prefix)
    : json_(std::move(json)), source_(std::move(source)), prefix_(std::move(prefix)) {}

QString SessionJsonReader::path(const QString& key) const {
    if (prefix_.isEmpty()) return key;
    return prefix_ + "." + key;
}

void SessionJsonReader::fail(const QString& key, const QString& reason) const {
    throw SessionError(QString("%1: %2: %3").arg(source_, path(key), reason).toStdString());
}

QJsonValue SessionJsonReader::value(const char* key, QJsonValue::Type type,
                                    const char* what) const {
    const QJsonValue found = json_.value(key);
    if (!found.isUndefined() && found.type() != type) fail(key, QString("should be %1").arg(what));
    return found;
}

SessionJsonReader SessionJsonReader::object(const char* key) const {
    return {value(key, QJsonValue::Object, "an object").toObject(), source_, path(key)};
}

int SessionJsonReader::integer(const char* key, int fallback) const {
    const QJsonValue found = value(key, QJsonValue::Double, "a whole number");
    if (found.isUndefined()) return fallback;
    const double number = found.toDouble();
    if (number != double(int(number))) fail(key, "should be a whole number");
    return int(number);
}

std::vector<Index> SessionJsonReader::tokens(const char* key) const {
    const QJsonArray found = array(key);
    std::vector<Index> tokens;
    for (int at = 0; at < found.size(); ++at) {
        const double token = found[at].toDouble(-1);
        if (!found[at].isDouble() || token < 0 || token != double(Index(token)))
            fail(QString("%1[%2]").arg(key).arg(at), "should be a token index");
        tokens.push_back(Index(token));
    }
    return tokens;
}

double SessionJsonReader::number(const char* key, double fallback) const {
    return value(key, QJsonValue::Double, "a number").toDouble(fallback);
}

bool SessionJsonReader::boolean(const char* key, bool fallback) const {
    return value(key, QJsonValue::Bool, "true or false").toBool(fallback);
}

QString SessionJsonReader::string(const char* key, const QString& fallback) const {
    return value(key, QJsonValue::String, "a string").toString(fallback);
}

QJsonArray SessionJsonReader::array(const char* key) const {
    return value(key, QJsonValue::Array, "an array").toArray();
}

QJsonArray SessionJsonReader::numbers(const char* key, int size) const {
    const QJsonArray found = array(key);
    if (!has(key)) return found;
    bool allNumbers = found.size() == size;
    for (const QJsonValue number : found) allNumbers = allNumbers && number.isDouble();
    if (!allNumbers) fail(key, QString("should be an array of %1 numbers").arg(size));
    return found;
}

Metric SessionJsonReader::metric(const char* key, Metric fallback) const {
    if (!has(key)) return fallback;
    const QString name = string(key);
    const std::optional<Metric> metric = metric_from_key(name.toStdString());
    if (!metric) fail(key, QString("unknown metric '%1'").arg(name));
    return *metric;
}

SessionJsonReader SessionJsonReader::element(const char* key, int index) const {
    const QString at = QString("%1[%2]").arg(key).arg(index);
    const QJsonValue found = array(key).at(index);
    if (!found.isObject()) fail(at, "should be an object");
    return {found.toObject(), source_, path(at)};
}

}  // namespace lngeom::app
