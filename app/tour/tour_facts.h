#pragma once
// The numbers a tour step states about the data it shows, read from the sample's metrics, so
// that every claim of the tour is true of the picture beside it. Until the file's metrics are
// computed, each number reads "…" and the step is shown again once they are.

#include <QString>

#include <utility>
#include <vector>

#include "core/io/dump.h"
#include "core/metrics/metrics.h"
#include "core/metrics/statistics.h"

namespace lngeom::widgets {
class DumpDocument;
}

namespace lngeom::app {

class TourFacts {
  public:
    // Facts about `site` of `document` (nullptr or not computed yet: none).
    TourFacts(const widgets::DumpDocument* document, SiteIndex site);

    bool known() const { return known_; }
    QString fileName() const;
    QString siteLabel() const;
    QString tokenCount() const;
    QString d() const;
    QString sqrtD(int decimals = 2) const;
    // `metric` at the site: its mean, SD, median (p50), 1st and 99th percentile, min and max,
    // with `decimals` digits after the point (or in scientific notation when tiny).
    QString mean(Metric metric, int decimals) const { return of(metric, &Summary::mean, decimals); }
    QString sd(Metric metric, int decimals) const { return of(metric, &Summary::std, decimals); }
    QString median(Metric metric, int decimals) const {
        return of(metric, &Summary::p50, decimals);
    }
    QString p01(Metric metric, int decimals) const { return of(metric, &Summary::p01, decimals); }
    QString p99(Metric metric, int decimals) const { return of(metric, &Summary::p99, decimals); }
    QString min(Metric metric, int decimals) const { return of(metric, &Summary::min, decimals); }
    QString max(Metric metric, int decimals) const { return of(metric, &Summary::max, decimals); }
    QString width(Metric metric, int decimals) const;  // max − min
    // The lowest and highest of the site means of `metric` over every site of the file.
    QString lowestSiteMean(Metric metric, int decimals) const;
    QString highestSiteMean(Metric metric, int decimals) const;
    QString siteCount() const;

    // The token whose angle to 1 is the site's median: one that looks like most.
    Index representativeToken() const;
    // `metric` of that token.
    QString ofRepresentativeToken(Metric metric, int decimals) const;
    // `count` tokens from short to long ‖x‖ (the 2nd to the 98th percentile).
    std::vector<Index> tokensAcrossNorms(std::size_t count) const;

  private:
    const Summary* summary(Metric metric) const;
    QString of(Metric metric, double Summary::*statistic, int decimals) const;
    QString number(double value, int decimals) const;
    std::pair<double, double> siteMeanRange(Metric metric) const;

    const widgets::DumpDocument* document_;
    SiteIndex site_;
    bool known_;
};

}  // namespace lngeom::app
