#pragma once
// Typed reads from one object of a JSON file lngeom writes (figure recipes, sessions). A missing
// key gives the caller's fallback, which is what lets files written before a key existed still
// load; a value of another kind is a lngeom::FormatError naming the file and the key's path from
// the top ("projection.basis.seed", "files[1].path"), so a hand-edited file points at the line
// to fix.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics.h"

namespace lngeom::widgets {

class JsonReader {
  public:
    JsonReader(QJsonObject json, QString file, QString prefix = {});

    // Absent or null.
    bool has(const char* key) const;
    // Present and an object (for a key that takes an object or, in older files, another kind).
    bool hasObject(const char* key) const;
    double number(const char* key, double fallback) const;
    // Whole numbers: within an int, or (the int64 overload) within what a JSON number holds.
    int integer(const char* key, int fallback) const;
    std::int64_t integer(const char* key, std::int64_t fallback) const;
    // A whole number of at least 1 (a count: bins, milliseconds).
    int positiveInteger(const char* key, int fallback) const;
    bool boolean(const char* key, bool fallback) const;
    QString string(const char* key, const QString& fallback = {}) const;
    QJsonArray array(const char* key) const;  // empty when absent
    // Exactly `size` numbers (`what` says what they are); empty when absent.
    std::vector<double> numbers(const char* key, int size, const char* what = nullptr) const;
    // A site's index; nullopt when absent or negative (a file's -1 for "the current site").
    std::optional<SiteIndex> siteIndex(const char* key) const;
    // Token indices, which may exceed an int; none when absent.
    std::vector<Index> tokens(const char* key) const;
    Metric metric(const char* key, Metric fallback) const;
    // The nested object at `key` (empty when absent), reporting its keys as "key.inner".
    JsonReader object(const char* key) const;
    // The object that is element `index` of the array `key`, reporting keys as "key[index].inner".
    JsonReader element(const char* key, int index) const;

    // lngeom::FormatError(file, key path, reason).
    [[noreturn]] void fail(const QString& key, const QString& reason) const;

  private:
    QString path(const QString& key) const;
    // The value at `key`, refused unless it is absent or of `type`.
    QJsonValue value(const char* key, QJsonValue::Type type, const char* what) const;
    std::int64_t whole(const char* key, double low, double high) const;

    QJsonObject json_;
    QString file_;
    QString prefix_;
};

}  // namespace lngeom::widgets
