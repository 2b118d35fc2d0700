// The sub-commands' one argument reader: long and short forms, --name=value, flags, help, "--",
// and the messages of each mistake (the commands' own tests check them end to end).
#include <QtTest>

#include <string>
#include <vector>

#include "app/cli/argument_parser.h"
#include "app/cli/command_line.h"

using lngeom::app::CommandOption;
using lngeom::app::ParsedArguments;
using lngeom::app::UsageError;

namespace {

// A command with an --output/-o value, a --format value and a --no-cache flag; what each
// option received, in order.
struct Command {
    std::vector<std::string> applied;
    std::vector<CommandOption> options() {
        const auto record = [this](const char* name) {
            return [this, name](std::string_view value) {
                applied.push_back(std::string(name) + "=" + std::string(value));
            };
        };
        return {{"--output", 'o', record("output")},
                {"--format", 0, record("format")},
                {"--no-cache", 0, record("no-cache"), false}};
    }
    ParsedArguments parse(const QStringList& arguments) {
        std::vector<std::string> words{"stats"};
        for (const QString& argument : arguments) words.push_back(argument.toStdString());
        std::vector<const char*> argv;
        for (const std::string& word : words) argv.push_back(word.c_str());
        return lngeom::app::parse_command_arguments(int(argv.size()), argv.data(), options());
    }
};

QString usageMessage(const QStringList& arguments) {
    try {
        Command().parse(arguments);
    } catch (const UsageError& error) {
        return QString::fromStdString(error.message);
    }
    return QString();
}

}  // namespace

class TestArgumentParser : public QObject {
    Q_OBJECT
  private slots:
    void shortAndLongFormsAreTheSameOption() {
        for (const QStringList& arguments : {QStringList{"dump.h5", "-o", "out.json"},
                                             QStringList{"--output", "out.json", "dump.h5"},
                                             QStringList{"dump.h5", "--output=out.json"}}) {
            Command command;
            const ParsedArguments parsed = command.parse(arguments);
            QCOMPARE(parsed.file, std::string("dump.h5"));
            QVERIFY(!parsed.help);
            QCOMPARE(command.applied, std::vector<std::string>{"output=out.json"});
        }
    }

    void valuesMayStartWithADash() {
        Command command;
        command.parse({"dump.h5", "--format", "-5:5", "-o", "-"});
        QCOMPARE(command.applied, (std::vector<std::string>{"format=-5:5", "output=-"}));
    }

    void flagsTakeNoValue() {
        Command command;
        const ParsedArguments parsed = command.parse({"--no-cache", "dump.h5"});
        QCOMPARE(parsed.file, std::string("dump.h5"));
        QCOMPARE(command.applied, std::vector<std::string>{"no-cache="});
    }

    void helpInEitherForm() {
        QVERIFY(Command().parse({"-h"}).help);
        QVERIFY(Command().parse({"dump.h5", "--help"}).help);
        QVERIFY(!Command().parse({"dump.h5"}).help);
    }

    void afterTwoDashesEverythingIsAFile() {
        QCOMPARE(Command().parse({"--", "-odd-name.h5"}).file, std::string("-odd-name.h5"));
    }

    void mistakesAreNamedAsWritten_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown long option")
            << QStringList{"dump.h5", "--bogus", "1"} << "unknown option '--bogus'";
        QTest::newRow("unknown short option")
            << QStringList{"dump.h5", "-x", "out"} << "unknown option '-x'";
        QTest::newRow("clustered short options")
            << QStringList{"dump.h5", "-ox"} << "unknown option '-ox'";
        QTest::newRow("unknown option with a value")
            << QStringList{"--bogus=1", "dump.h5"} << "unknown option '--bogus'";
        QTest::newRow("missing value, long")
            << QStringList{"dump.h5", "--format"} << "--format needs a value";
        QTest::newRow("missing value, short") << QStringList{"dump.h5", "-o"} << "-o needs a value";
        QTest::newRow("value given to a flag")
            << QStringList{"dump.h5", "--no-cache=yes"} << "--no-cache takes no value";
        QTest::newRow("two files")
            << QStringList{"a.h5", "b.h5"} << "one FILE only, got 'a.h5' and 'b.h5'";
    }

    void mistakesAreNamedAsWritten() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QCOMPARE(usageMessage(arguments), message);
    }
};

QTEST_GUILESS_MAIN(TestArgumentParser)
#include "test_argument_parser.moc"
