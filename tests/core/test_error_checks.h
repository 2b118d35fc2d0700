#pragma once
// Catching a core error and checking that its text names the file, the object and the reason;
// shared by every test of bad input.

#include <QString>
#include <QTest>
#include <functional>
#include <string>

#include "core/errors.h"

namespace lngeom::test {

// Which Error subclass was thrown, as a word the data rows can name.
inline QString error_kind(const Error& error) {
    if (dynamic_cast<const Hdf5CrashError*>(&error)) return "crash";
    if (dynamic_cast<const SeveralDatasetsError*>(&error)) return "several datasets";
    if (dynamic_cast<const FormatError*>(&error)) return "format";
    if (dynamic_cast<const Hdf5Error*>(&error)) return "hdf5";
    if (dynamic_cast<const RequestError*>(&error)) return "request";
    if (dynamic_cast<const CancelledError*>(&error)) return "cancelled";
    return "other";
}

// The columns of every bad-input table: the file, what is opened or done in it (`subject`, e.g.
// "dataset" or "action"), and the error expected: its kind, object and reason.
inline void add_error_columns(const char* subject) {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>(subject);
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("reason");
}

inline void add_error_row(const char* name, const char* file, const char* subject, const char* kind,
                          const char* object, const char* reason) {
    QTest::newRow(name) << QString(file) << QString(subject) << QString(kind) << QString(object)
                        << QString(reason);
}

struct Caught {
    QString kind;
    std::string file, object, reason, message;
};

inline Caught catch_error(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& error) {
        return {error_kind(error), error.file(), error.object(), error.reason(), error.what()};
    }
    return {"none", {}, {}, {}, {}};
}

inline void check_caught(const Caught& caught, const QString& kind, const std::string& file,
                         const QString& object, const QString& reason) {
    QVERIFY2(caught.kind == kind, qPrintable(caught.kind + ": " + caught.message.c_str()));
    QCOMPARE(QString::fromStdString(caught.file), QString::fromStdString(file));
    QCOMPARE(QString::fromStdString(caught.object), object);
    QVERIFY2(QString::fromStdString(caught.reason).contains(reason), caught.reason.c_str());
    // what() is the one line a user sees: it carries all three.
    const QString message = QString::fromStdString(caught.message);
    QVERIFY(message.contains(QString::fromStdString(file)));
    QVERIFY(message.contains(object));
    QVERIFY(message.contains(reason));
}

}  // namespace lngeom::test
