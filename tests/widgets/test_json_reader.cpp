#include <QJsonDocument>
#include <QtTest>

#include <functional>

#include "core/errors.h"
#include "widgets/support/json_reader.h"

using lngeom::widgets::JsonReader;

namespace {

JsonReader reader(const char* json) {
    return JsonReader(QJsonDocument::fromJson(json).object(), "f.json");
}

}  // namespace

class TestJsonReader : public QObject {
    Q_OBJECT

  private slots:
    void absentAndNullKeysGiveTheFallback() {
        const JsonReader json = reader(R"({"nothing": null})");
        QVERIFY(!json.has("nothing"));
        QVERIFY(!json.has("missing"));
        QCOMPARE(json.integer("missing", 4), 4);
        QCOMPARE(json.integer("nothing", std::int64_t(-2)), std::int64_t(-2));
        QCOMPARE(json.number("missing", 1.5), 1.5);
        QCOMPARE(json.boolean("missing", true), true);
        QCOMPARE(json.string("missing", "x"), QString("x"));
        QVERIFY(json.numbers("missing", 3).empty());
        QVERIFY(json.tokens("missing").empty());
        QCOMPARE(json.metric("missing", lngeom::Metric::Norm), lngeom::Metric::Norm);
        QVERIFY(!json.object("missing").has("anything"));
    }

    void presentKeysAreRead() {
        const JsonReader json = reader(R"({"n": 3, "big": 5000000000, "b": false, "s": "t",
            "v": [1, 2.5], "tokens": [0, 4000000000], "m": "norm", "o": {"inner": 7},
            "list": [{"k": 1}, {"k": 2}]})");
        QCOMPARE(json.integer("n", 0), 3);
        QCOMPARE(json.integer("big", std::int64_t(0)), std::int64_t(5000000000));
        QCOMPARE(json.boolean("b", true), false);
        QCOMPARE(json.string("s"), QString("t"));
        QCOMPARE(json.numbers("v", 2), (std::vector<double>{1, 2.5}));
        QCOMPARE(json.tokens("tokens"), (std::vector<lngeom::Index>{0, 4000000000}));
        QCOMPARE(json.metric("m", lngeom::Metric::AngleToUniformDeg), lngeom::Metric::Norm);
        QCOMPARE(json.object("o").integer("inner", 0), 7);
        QCOMPARE(json.element("list", 1).integer("k", 0), 2);
    }

    void badValuesNameFileKeyPathAndReason_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<std::function<void(const JsonReader&)>>("read");
        QTest::addColumn<QString>("message");
        QTest::newRow("text for a number")
            << QByteArray(R"({"a": {"b": "many"}})")
            << std::function([](const JsonReader& j) { j.object("a").integer("b", 1); })
            << "f.json: a.b: must be a whole number";
        QTest::newRow("fraction") << QByteArray(R"({"n": 2.5})")
                                  << std::function([](const JsonReader& j) { j.integer("n", 1); })
                                  << "f.json: n: must be a whole number";
        QTest::newRow("beyond an int")
            << QByteArray(R"({"n": 5000000000})")
            << std::function([](const JsonReader& j) { j.integer("n", 1); })
            << "f.json: n: must be a whole number";
        QTest::newRow("no count") << QByteArray(R"({"n": 0})")
                                  << std::function(
                                         [](const JsonReader& j) { j.positiveInteger("n", 1); })
                                  << "f.json: n: must be at least 1";
        QTest::newRow("number for a flag")
            << QByteArray(R"({"f": 1})")
            << std::function([](const JsonReader& j) { j.boolean("f", false); })
            << "f.json: f: must be true or false";
        QTest::newRow("string for an object")
            << QByteArray(R"({"o": "x"})")
            << std::function([](const JsonReader& j) { j.object("o"); })
            << "f.json: o: must be an object";
        QTest::newRow("too few numbers")
            << QByteArray(R"({"v": [1, 2]})")
            << std::function([](const JsonReader& j) { j.numbers("v", 3, "x, y, z"); })
            << "f.json: v: must be an array of 3 numbers (x, y, z)";
        QTest::newRow("text among numbers")
            << QByteArray(R"({"v": [1, "2"]})")
            << std::function([](const JsonReader& j) { j.numbers("v", 2); })
            << "f.json: v: must be an array of 2 numbers";
        QTest::newRow("negative token")
            << QByteArray(R"({"list": [{}, {"t": [1, -3]}]})")
            << std::function([](const JsonReader& j) { j.element("list", 1).tokens("t"); })
            << "f.json: list[1].t[1]: must be a token index";
        QTest::newRow("element not an object")
            << QByteArray(R"({"list": [3]})")
            << std::function([](const JsonReader& j) { j.element("list", 0); })
            << "f.json: list[0]: must be an object";
        QTest::newRow("unknown metric")
            << QByteArray(R"({"m": "mass"})")
            << std::function([](const JsonReader& j) { j.metric("m", lngeom::Metric::Norm); })
            << "f.json: m: 'mass' is not a metric";
        QTest::newRow("caller's reason")
            << QByteArray(R"({"o": {}})")
            << std::function([](const JsonReader& j) { j.object("o").fail("k", "too big"); })
            << "f.json: o.k: too big";
    }

    void badValuesNameFileKeyPathAndReason() {
        QFETCH(QByteArray, json);
        QFETCH(std::function<void(const JsonReader&)>, read);
        QFETCH(QString, message);
        try {
            read(JsonReader(QJsonDocument::fromJson(json).object(), "f.json"));
            QFAIL("the value was accepted");
        } catch (const lngeom::FormatError& error) {
            QCOMPARE(QString(error.what()), message);
            QCOMPARE(QString::fromStdString(error.file()), QString("f.json"));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "test_json_reader.moc"
