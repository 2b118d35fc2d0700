// Running a helper program under a time limit (core/isolation/child_process.h): its output
// lines, exit status, signal, standard error and environment, and that it is killed at the
// limit or on cancel rather than waited for.
#include <QTest>

#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include "core/isolation/child_process.h"

using lngeom::ChildEnd;
using lngeom::ChildRun;

namespace {

struct Ran {
    ChildEnd end;
    std::vector<std::string> lines;
    std::chrono::milliseconds took{0};
};

Ran run_shell(const std::string& script,
              std::chrono::milliseconds timeout = std::chrono::seconds(20),
              const std::atomic<bool>* cancel = nullptr,
              std::vector<std::string> environment = {}) {
    Ran ran;
    ChildRun run;
    run.arguments = {"/bin/sh", "-c", script};
    run.environment = std::move(environment);
    run.timeout = timeout;
    run.cancel = cancel;
    run.on_output_line = [&ran](std::string_view line) { ran.lines.emplace_back(line); };
    const auto start = std::chrono::steady_clock::now();
    ran.end = lngeom::run_child(run);
    ran.took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    return ran;
}

}  // namespace

class TestChildProcess : public QObject {
    Q_OBJECT

  private slots:
    void output_lines_and_exit_status() {
        const Ran ran = run_shell("echo first; printf 'second\\nthird'; echo; exit 3");
        QCOMPARE(ran.end.how, ChildEnd::How::Exited);
        QCOMPARE(ran.end.exit_status, 3);
        QCOMPARE(ran.lines, (std::vector<std::string>{"first", "second", "third"}));
    }

    void standard_error_is_kept() {
        const Ran ran = run_shell("echo 'ERROR: something broke' >&2; exit 1");
        QCOMPARE(ran.end.exit_status, 1);
        QCOMPARE(ran.end.errors, std::string("ERROR: something broke\n"));
    }

    void environment_is_added() {
        const Ran ran = run_shell("echo \"$LNGEOM_TEST_VALUE\"", std::chrono::seconds(20), nullptr,
                                  {"LNGEOM_TEST_VALUE=42"});
        QCOMPARE(ran.lines, (std::vector<std::string>{"42"}));
    }

    void a_crash_is_a_signal() {
        const Ran ran = run_shell("kill -SEGV $$");
        QCOMPARE(ran.end.how, ChildEnd::How::Signalled);
        QCOMPARE(ran.end.signal, SIGSEGV);
    }

    // The time limit holds even when the child never writes or exits.
    void a_hang_is_killed_at_the_limit() {
        const Ran ran = run_shell("echo started; exec sleep 60", std::chrono::milliseconds(300));
        QCOMPARE(ran.end.how, ChildEnd::How::TimedOut);
        QCOMPARE(ran.lines, (std::vector<std::string>{"started"}));
        QVERIFY2(ran.took < std::chrono::seconds(10),
                 qPrintable(QString::number(ran.took.count())));
    }

    void cancel_kills_it() {
        std::atomic<bool> cancel{false};
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel = true;
        });
        const Ran ran = run_shell("exec sleep 60", std::chrono::seconds(60), &cancel);
        canceller.join();
        QCOMPARE(ran.end.how, ChildEnd::How::Cancelled);
        QVERIFY(ran.took < std::chrono::seconds(10));
    }

    void a_missing_program_does_not_start() {
        ChildRun run;
        run.arguments = {"/nonexistent/lngeom-probe"};
        const ChildEnd end = lngeom::run_child(run);
        QCOMPARE(end.how, ChildEnd::How::NotStarted);
        QCOMPARE(end.start_error, ENOENT);
    }
};

QTEST_GUILESS_MAIN(TestChildProcess)
#include "test_child_process.moc"
