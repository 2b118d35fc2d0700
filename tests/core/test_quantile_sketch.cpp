// The quantile sketch against exact quantiles: numpy's 'linear' values while exact; within its
// relative bound on adversarial distributions past that (norms from 0.05√d to 100√d, heavy
// tails, signed values around zero, point masses, sorted input, spans beyond its buckets); the
// same answer whatever the split and merge order; bytes that round-trip and damage refused.
#include <QTest>
#include <algorithm>
#include <cmath>
#include <functional>
#include <random>

#include "core/errors.h"
#include "core/metrics/statistics.h"
#include "core/state/quantile_sketch.h"

using namespace lngeom;

namespace {

using Generator = std::function<double(std::mt19937_64&)>;

constexpr double kQuantiles[] = {0.01, 0.5, 0.99};
constexpr double kAlpha = QuantileSketch::kRelativeAccuracy;

std::vector<double> draw(const Generator& generate, std::size_t n, unsigned seed) {
    std::mt19937_64 random(seed);
    std::vector<double> values(n);
    for (double& value : values) value = generate(random);
    return values;
}

QuantileSketch sketch_of(const std::vector<double>& values) {
    QuantileSketch sketch;
    for (const double value : values) sketch.add(value);
    return sketch;
}

// The sketch's quantile against numpy's of the same values as float: each order statistic it
// reads is within α of the true one, so the interpolation is within α of the neighbours'
// weighted magnitudes (α of the quantile itself when they share a sign).
void require_within_bound(const QuantileSketch& sketch, std::vector<double> values,
                          const QString& where) {
    std::vector<float> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    for (const double q : kQuantiles) {
        const auto [below, fraction] = quantile_position(sorted.size(), q);
        const double a = sorted[below], b = sorted[std::min(below + 1, sorted.size() - 1)];
        const double exact = sorted_quantile(sorted, q);
        const double bound = kAlpha * ((1 - fraction) * std::abs(a) + fraction * std::abs(b));
        const double error = std::abs(sketch.quantile(q) - exact);
        QVERIFY2(error <= bound * (1 + 1e-9) + 1e-300,
                 qPrintable(QString("%1, q = %2: sketch %3, exact %4, error %5 > bound %6")
                                .arg(where)
                                .arg(q)
                                .arg(sketch.quantile(q), 0, 'g', 17)
                                .arg(exact, 0, 'g', 17)
                                .arg(error)
                                .arg(bound)));
    }
}

// Norms of vectors in d = 4096 spread log-uniformly from 0.05√d to 100√d.
double norm_like(std::mt19937_64& random) {
    const double root_d = 64;
    std::uniform_real_distribution<double> exponent(std::log(0.05 * root_d),
                                                    std::log(100 * root_d));
    return std::exp(exponent(random));
}

double pareto(std::mt19937_64& random) {
    std::uniform_real_distribution<double> uniform(0, 1);
    return std::pow(1 - uniform(random), -1 / 1.1);  // tail index 1.1: infinite variance
}

double cauchy(std::mt19937_64& random) { return std::cauchy_distribution<double>(0, 1)(random); }

double standard_normal(std::mt19937_64& random) {
    return std::normal_distribution<double>(0, 1)(random);
}

double wide_lognormal(std::mt19937_64& random) {
    return std::lognormal_distribution<double>(0, 3)(random);  // 99 % within 7 decades
}

// 30 % zeros, 30 % one repeated value, the rest negative and heavy-tailed.
double point_masses(std::mt19937_64& random) {
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    if (u < 0.3) return 0;
    if (u < 0.6) return 88.5;
    return -pareto(random);
}

// A massive activation: a few tokens 10^4 times the others.
double massive_outliers(std::mt19937_64& random) {
    const double u = std::uniform_real_distribution<double>(0, 1)(random);
    return u < 0.02 ? 3e4 * (1 + u) : std::normal_distribution<double>(3, 0.5)(random);
}

}  // namespace

class TestQuantileSketch : public QObject {
    Q_OBJECT

  private slots:
    void exact_while_small() {
        const std::vector<double> values = draw(standard_normal, 8192, 1);
        const QuantileSketch sketch = sketch_of(values);
        QVERIFY(sketch.is_exact());
        std::vector<float> as_float(values.begin(), values.end());
        for (const double q : kQuantiles)
            QCOMPARE(sketch.quantile(q), select_quantile(std::span<float>(as_float), q));
        QVERIFY(!sketch_of(draw(standard_normal, 8193, 1)).is_exact());
    }

    void nan_skipped_and_empty() {
        QuantileSketch sketch;
        QVERIFY(std::isnan(sketch.quantile(0.5)));
        sketch.add(std::nan(""));
        QCOMPARE(sketch.count(), std::int64_t(0));
        sketch.add(2.5);
        QCOMPARE(sketch.quantile(0.01), 2.5);
        QCOMPARE(sketch.quantile(0.99), 2.5);
    }

    void within_bound_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("n");
        for (const char* name : {"norm 0.05√d..100√d", "pareto 1.1", "cauchy", "normal around 0",
                                 "lognormal σ = 3", "point masses", "massive outliers",
                                 "norms sorted ascending", "norms sorted descending"})
            for (const int n : {8193, 200000})
                QTest::newRow(qPrintable(QString("%1, n = %2").arg(name).arg(n))) << name << n;
    }

    void within_bound() {
        QFETCH(QString, name);
        QFETCH(int, n);
        const std::map<QString, Generator> generators{{"norm 0.05√d..100√d", norm_like},
                                                      {"pareto 1.1", pareto},
                                                      {"cauchy", cauchy},
                                                      {"normal around 0", standard_normal},
                                                      {"lognormal σ = 3", wide_lognormal},
                                                      {"point masses", point_masses},
                                                      {"massive outliers", massive_outliers}};
        std::vector<double> values =
            draw(generators.count(name) ? generators.at(name) : norm_like, std::size_t(n), 7);
        if (name.endsWith("ascending")) std::sort(values.begin(), values.end());
        if (name.endsWith("descending")) std::sort(values.rbegin(), values.rend());
        const QuantileSketch sketch = sketch_of(values);
        QVERIFY(!sketch.is_exact());
        require_within_bound(sketch, values, name);
        QVERIFY(sketch.bytes() <= QuantileSketch::max_bytes(n));
    }

    // Magnitudes more than 8192 buckets (64 powers of two) below the largest fold into the
    // lowest bucket kept: there the error is below the largest magnitude × 2^−63; above, the
    // bound holds.
    void span_beyond_the_buckets_folds() {
        std::vector<double> values;
        for (int i = 0; i < 20000; ++i) values.push_back(i % 2 ? 1e-25 * (1 + i % 7) : 1 + i % 5);
        const QuantileSketch sketch = sketch_of(values);
        QVERIFY(std::abs(sketch.quantile(0.01) - 1e-25) < std::ldexp(5.0, -63));
        std::vector<float> sorted(values.begin(), values.end());
        std::sort(sorted.begin(), sorted.end());
        const double exact = sorted_quantile(sorted, 0.99);
        QVERIFY(std::abs(sketch.quantile(0.99) - exact) <= kAlpha * exact);
    }

    void same_answer_whatever_the_split() {
        const std::vector<double> values = draw(point_masses, 60000, 3);
        const QuantileSketch whole = sketch_of(values);
        std::mt19937_64 random(11);
        for (const int parts : {2, 3, 7, 16, 200}) {
            std::vector<QuantileSketch> sketches(static_cast<std::size_t>(parts));
            for (const double value : values) sketches[random() % std::size_t(parts)].add(value);
            std::shuffle(sketches.begin(), sketches.end(), random);
            QuantileSketch merged;
            for (const QuantileSketch& sketch : sketches) merged.merge(sketch);
            QCOMPARE(merged.count(), whole.count());
            for (const double q : {0.0, 0.01, 0.25, 0.5, 0.99, 1.0})
                QCOMPARE(merged.quantile(q), whole.quantile(q));
        }
    }

    void exact_parts_merge_exactly() {
        const std::vector<double> values = draw(cauchy, 6000, 5);
        QuantileSketch left, right;
        for (std::size_t i = 0; i < values.size(); ++i) (i < 1000 ? left : right).add(values[i]);
        left.merge(right);
        QVERIFY(left.is_exact());
        std::vector<float> as_float(values.begin(), values.end());
        for (const double q : kQuantiles)
            QCOMPARE(left.quantile(q), select_quantile(std::span<float>(as_float), q));
    }

    void bytes_round_trip() {
        for (const std::size_t n : {0, 100, 50000}) {
            const QuantileSketch sketch = sketch_of(draw(cauchy, n, 9));
            StateWriter out;
            sketch.write(out);
            StateReader in(out.bytes(), "state.bin");
            QuantileSketch read;
            read.read(in);
            QVERIFY(in.at_end());
            QCOMPARE(read.count(), sketch.count());
            QCOMPARE(read.is_exact(), sketch.is_exact());
            for (const double q : kQuantiles) QCOMPARE(read.quantile(q), sketch.quantile(q));
        }
    }

    void damaged_bytes_refused() {
        StateWriter out;
        sketch_of(draw(cauchy, 50000, 9)).write(out);
        const std::string bytes = out.bytes();
        const auto message_of = [](const std::string& damaged) {
            StateReader in(damaged, "shard-3.lngeom-state");
            in.set_object("site 002: metrics");
            try {
                QuantileSketch().read(in);
            } catch (const FormatError& error) {
                return QString::fromStdString(error.what());
            }
            return QString();
        };
        const QString truncated = message_of(bytes.substr(0, bytes.size() / 2));
        QVERIFY2(truncated.startsWith("shard-3.lngeom-state: site 002: metrics: damaged state"),
                 qPrintable(truncated));
        std::string recount = bytes;
        recount[8] = char(recount[8] + 1);  // the count no longer matches the buckets
        QVERIFY2(message_of(recount).contains("buckets hold"), qPrintable(message_of(recount)));
    }
};

QTEST_GUILESS_MAIN(TestQuantileSketch)
#include "test_quantile_sketch.moc"
