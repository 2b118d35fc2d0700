#pragma once
// Reads one object of a session file and names what is wrong with it: every error is
// "file: key: reason", the key written as a path from the top ("heatmap.bins", "files[1].path"),
// so a hand-edited session points at the line to fix. An absent key gives the fallback, which
// is what lets session files written before a key existed still load.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

#include "app/session.h"
#include "core/metrics.h"

namespace lngeom::app {

class SessionJsonReader {
  public:
    SessionJsonReader(QJsonObject json, QString source, QString prefix = {});

    bool has(const char* key) const { return json_.contains(key); }
    // An absent key reads as an empty object.
    SessionJsonReader object(const char* key) const;
    int integer(const char* key, int fallback) const;
    // Token indices, which may exceed an int; an absent key reads as none.
    std::vector<Index> tokens(const char* key) const;
    double number(const char* key, double fallback) const;
    bool boolean(const char* key, bool fallback) const;
    QString string(const char* key, const QString& fallback = {}) const;
    // Exactly `size` numbers; an absent key reads as an empty array.
    QJsonArray numbers(const char* key, int size) const;
    QJsonArray array(const char* key) const;
    Metric metric(const char* key, Metric fallback) const;
    // The reader of element `index` of the array `key`.
    SessionJsonReader element(const char* key, int index) const;

    [[noreturn]] void fail(const QString& key, const QString& reason) const;

  private:
    QString path(const QString& key) const;
    QJsonValue value(const char* key, QJsonValue::Type type, const char* what) const;

    QJsonObject json_;
    QString source_;
    QString prefix_;
};

}  // namespace lngeom::app
