#include "app/tour/tour_facts.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include "core/charts/site_labels.h"
#include "core/columns/column_blocks.h"
#include "core/tokens/token_choice.h"
#include "widgets/document/dump_document.h"

namespace lngeom::app {
namespace {

const QString kUnknown = QStringLiteral("…");

}  // namespace

TourFacts::TourFacts(const widgets::DumpDocument* document, SiteIndex site)
    : document_(document),
      site_(site),
      known_(document && document->state() == widgets::DumpDocument::State::Ready &&
             site < document->info().sites.size()) {}

QString TourFacts::fileName() const { return document_ ? document_->displayName() : kUnknown; }

QString TourFacts::siteLabel() const {
    if (!known_) return kUnknown;
    return QString::fromStdString(site_label(document_->info().sites[site_]));
}

QString TourFacts::tokenCount() const {
    return known_ ? QLocale().toString(qint64(document_->info().sites[site_].n_tokens)) : kUnknown;
}

QString TourFacts::d() const {
    return known_ ? QString::number(document_->info().sites[site_].d) : kUnknown;
}

QString TourFacts::sqrtD(int decimals) const {
    return known_ ? number(std::sqrt(double(document_->info().sites[site_].d)), decimals)
                  : kUnknown;
}

const Summary* TourFacts::summary(Metric metric) const {
    if (!known_) return nullptr;
    const auto& metrics = document_->metrics().summaries()[site_].metrics;
    const auto column = std::size_t(column_of(metric));
    return column < metrics.size() && metrics[column].count > 0 ? &metrics[column] : nullptr;
}

// Tiny values (the spread of ‖y‖) keep two significant digits instead of rounding to 0:
// 3.2·10⁻⁶, as rich text.
QString TourFacts::number(double value, int decimals) const {
    if (std::isnan(value)) return kUnknown;
    if (value == 0 || std::abs(value) >= std::pow(10.0, -decimals))
        return QString::number(value, 'f', decimals);
    const int exponent = int(std::floor(std::log10(std::abs(value))));
    return QStringLiteral("%1·10<sup>−%2</sup>")
        .arg(QString::number(value / std::pow(10.0, exponent), 'f', 1))
        .arg(-exponent);
}

QString TourFacts::of(Metric metric, double Summary::*statistic, int decimals) const {
    const Summary* found = summary(metric);
    return found ? number(found->*statistic, decimals) : kUnknown;
}

QString TourFacts::width(Metric metric, int decimals) const {
    const Summary* found = summary(metric);
    return found ? number(found->max - found->min, decimals) : kUnknown;
}

std::pair<double, double> TourFacts::siteMeanRange(Metric metric) const {
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    if (!known_) return {NAN, NAN};
    const auto column = std::size_t(column_of(metric));
    for (const SiteSummary& site : document_->metrics().summaries()) {
        if (column >= site.metrics.size() || site.metrics[column].count == 0) continue;
        low = std::min(low, site.metrics[column].mean);
        high = std::max(high, site.metrics[column].mean);
    }
    return low <= high ? std::pair{low, high} : std::pair{double(NAN), double(NAN)};
}

QString TourFacts::lowestSiteMean(Metric metric, int decimals) const {
    return number(siteMeanRange(metric).first, decimals);
}

QString TourFacts::highestSiteMean(Metric metric, int decimals) const {
    return number(siteMeanRange(metric).second, decimals);
}

QString TourFacts::siteCount() const {
    return known_ ? QString::number(document_->info().sites.size()) : kUnknown;
}

// The site's columns may be unavailable (the cache file went away): token 0 then stands in.
Index TourFacts::representativeToken() const {
    const Summary* angle = summary(Metric::AngleToUniformDeg);
    if (!angle) return 0;
    try {
        const auto columns = document_->metrics().columns(site_);
        return std::max<Index>(token_nearest(*columns, Metric::AngleToUniformDeg, angle->p50), 0);
    } catch (const std::exception&) {
        return 0;
    }
}

QString TourFacts::ofRepresentativeToken(Metric metric, int decimals) const {
    if (!known_) return kUnknown;
    try {
        const auto columns = document_->metrics().columns(site_);
        const Index token = representativeToken();
        return token < columns->n_tokens() ? number(value_at(*columns, metric, token), decimals)
                                           : kUnknown;
    } catch (const std::exception&) {
        return kUnknown;
    }
}

std::vector<Index> TourFacts::tokensAcrossNorms(std::size_t count) const {
    if (!known_) return {0};
    try {
        const auto columns = document_->metrics().columns(site_);
        std::vector<Index> tokens = tokens_across(*columns, Metric::Norm, count, 0.02, 0.98);
        if (!tokens.empty()) return tokens;
    } catch (const std::exception&) {
    }
    return {0};
}

}  // namespace lngeom::app
