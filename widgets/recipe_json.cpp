#include "widgets/recipe_json.h"

#include <QJsonArray>

#include <cmath>
#include <utility>

#include "core/errors.h"

namespace lngeom::widgets {

RecipeObject::RecipeObject(QJsonObject object, std::string path, std::string prefix)
    : object_(std::move(object)), path_(std::move(path)), prefix_(std::move(prefix)) {}

bool RecipeObject::has(const char* key) const {
    const QJsonValue value = object_.value(key);
    return !value.isUndefined() && !value.isNull();
}

void RecipeObject::fail(const char* key, const std::string& reason) const {
    throw FormatError(path_, prefix_ + key, reason);
}

QJsonValue RecipeObject::present(const char* key, bool (QJsonValue::*isType)() const,
                                 const char* typeName) const {
    const QJsonValue value = object_.value(key);
    if (!(value.*isType)())
        fail(key, std::string("must be ") + typeName + " in this figure recipe");
    return value;
}

double RecipeObject::number(const char* key, double fallback) const {
    return has(key) ? present(key, &QJsonValue::isDouble, "a number").toDouble() : fallback;
}

std::int64_t RecipeObject::integer(const char* key, std::int64_t fallback) const {
    if (!has(key)) return fallback;
    const double value = present(key, &QJsonValue::isDouble, "a whole number").toDouble();
    // 2^53: beyond it a JSON number no longer holds every integer.
    if (value != std::floor(value) || std::abs(value) > 9007199254740992.0)
        fail(key, "must be a whole number in this figure recipe");
    return std::int64_t(value);
}

bool RecipeObject::flag(const char* key, bool fallback) const {
    return has(key) ? present(key, &QJsonValue::isBool, "true or false").toBool() : fallback;
}

std::string RecipeObject::text(const char* key, const std::string& fallback) const {
    return has(key) ? present(key, &QJsonValue::isString, "a string").toString().toStdString()
                    : fallback;
}

QJsonArray RecipeObject::array(const char* key) const {
    return has(key) ? present(key, &QJsonValue::isArray, "an array").toArray() : QJsonArray();
}

RecipeObject RecipeObject::child(const char* key) const {
    const QJsonObject inner =
        has(key) ? present(key, &QJsonValue::isObject, "an object").toObject() : QJsonObject();
    return RecipeObject(inner, path_, prefix_ + key + ".");
}

}  // namespace lngeom::widgets
