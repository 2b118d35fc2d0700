#pragma once
// Typed reads from one JSON object of a figure recipe: a missing key gives the caller's default
// (recipes written by older versions lack newer keys), a value of another type is an error that
// names the recipe file and the key's full path ("projection.basis.seed").

#include <QJsonArray>
#include <QJsonObject>

#include <cstdint>
#include <string>

namespace lngeom::widgets {

class RecipeObject {
  public:
    RecipeObject(QJsonObject object, std::string path, std::string prefix = {});

    bool has(const char* key) const;
    double number(const char* key, double fallback) const;
    std::int64_t integer(const char* key, std::int64_t fallback) const;
    bool flag(const char* key, bool fallback) const;
    std::string text(const char* key, const std::string& fallback) const;
    QJsonArray array(const char* key) const;  // empty when missing
    // The nested object at `key` (empty when missing), reporting keys as "key.inner".
    RecipeObject child(const char* key) const;

    // lngeom::FormatError naming the recipe file and the key.
    [[noreturn]] void fail(const char* key, const std::string& reason) const;

  private:
    QJsonValue present(const char* key, bool (QJsonValue::*isType)() const,
                       const char* typeName) const;

    QJsonObject object_;
    std::string path_;
    std::string prefix_;
};

}  // namespace lngeom::widgets
