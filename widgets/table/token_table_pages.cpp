#include "widgets/table/token_table_pages.h"

#include <algorithm>

#include "core/columns/column_blocks.h"
#include "core/errors.h"
#include "core/io/token_labels.h"
#include "widgets/document/view_jobs.h"

namespace lngeom::widgets {
namespace {

// Rows read around those asked for: a screenful and more, in one read per column. A page never
// exceeds kMaxPageRows, so rows asked for all at once (a test, a huge screen) take a few pages.
constexpr int kPageBefore = 32;
constexpr int kPageAfter = 160;
constexpr int kMaxPageRows = 1024;
constexpr std::size_t kCachedRows = 8192;

int rowCountOf(const TokenRows& rows) { return int(std::min<Index>(rows.size(), INT32_MAX)); }

}  // namespace

TokenPage readTokenPage(const TokenPageSource& source, std::vector<Index> tokens) {
    std::vector<std::vector<float>> columns;
    for (Metric metric : source.metrics)
        columns.push_back(gather_values(*source.columns, metric, tokens));
    const TokenLabels labels = gather_token_labels(*source.dump, tokens);
    TokenPage page{std::move(tokens), {}};
    page.values.resize(page.tokens.size());
    for (std::size_t i = 0; i < page.tokens.size(); ++i) {
        TokenRowValues& values = page.values[i];
        if (!labels.text.empty()) values.text = labels.text[i];
        if (!labels.sequence.empty()) values.sequence = labels.sequence[i];
        if (!labels.position.empty()) values.position = labels.position[i];
        for (const std::vector<float>& column : columns) values.values.push_back(column[i]);
    }
    return page;
}

// A failure is not reported here: the rows are read again when shown, and fail there visibly.
TokenPage readFirstPage(const TokenPageSource& source, const TokenRows& rows) {
    std::vector<Index> tokens;
    for (int row = 0; row < std::min(rowCountOf(rows), kPageAfter); ++row)
        tokens.push_back(rows.token_at(row));
    std::sort(tokens.begin(), tokens.end());
    try {
        return readTokenPage(source, std::move(tokens));
    } catch (const Error&) {
        return {};
    }
}

TokenTablePages::TokenTablePages(QObject* owner, std::function<void(int, int)> arrived)
    : owner_(owner),
      arrived_(std::move(arrived)),
      rows_(std::make_shared<const TokenRows>()),
      jobs_(std::make_unique<ViewJobs>(owner, "the token table's rows")) {}

TokenTablePages::~TokenTablePages() = default;

void TokenTablePages::reset(TokenPageSource source, std::shared_ptr<const TokenRows> rows,
                            TokenPage seed) {
    jobs_->cancel();
    source_ = std::move(source);
    rows_ = std::move(rows);
    cache_.clear();
    wanted_.reset();
    reading_.reset();
    store(std::move(seed));
}

const TokenRowValues* TokenTablePages::cached(int row) const {
    const auto found = cache_.find(rows_->token_at(row));
    return found == cache_.end() ? nullptr : &found->second;
}

const TokenRowValues* TokenTablePages::find(int row) {
    const TokenRowValues* values = cached(row);
    if (!values) want(row);
    return values;
}

const TokenRowValues& TokenTablePages::readNow(int row) {
    if (const TokenRowValues* values = cached(row)) return *values;
    store(readTokenPage(source_, missingTokens(pageOf({row, row + 1}))));
    return cache_[rows_->token_at(row)];
}

// The rows asked for while Qt paints are gathered and requested once the event loop runs again,
// so one paint makes one page read (and a page does not replace the one before it mid-paint).
void TokenTablePages::want(int row) {
    if (wanted_) {
        wanted_->first = std::min(wanted_->first, row);
        wanted_->last = std::max(wanted_->last, row + 1);
        return;
    }
    wanted_ = Span{row, row + 1};
    // `this` lives as long as `owner_`, which drops the call when it goes first.
    QMetaObject::invokeMethod(
        owner_, [this] { requestWanted(); }, Qt::QueuedConnection);
}

void TokenTablePages::requestWanted() {
    if (!wanted_) return;
    const Span wanted = *wanted_;
    wanted_.reset();
    if (reading_ && reading_->first <= wanted.first && wanted.last <= reading_->last) return;
    const Span page = pageOf(wanted);
    std::vector<Index> tokens = missingTokens(page);
    if (tokens.empty()) return;
    reading_ = page;
    jobs_->runOnWorker<TokenPage>(
        [source = source_, tokens](const std::atomic<bool>&) {
            return readTokenPage(source, tokens);
        },
        [this, page](TokenPage read) {
            reading_.reset();
            store(std::move(read));
            arrived_(page.first, page.last);
        },
        [this, page, tokens](const QString&) {
            reading_.reset();
            markFailed(tokens);
            arrived_(page.first, page.last);
        });
}

TokenTablePages::Span TokenTablePages::pageOf(Span wanted) const {
    const int first = std::max(0, wanted.first - kPageBefore);
    const int last = std::max(wanted.last, wanted.first + kPageAfter);
    return {first, std::min({rowCountOf(*rows_), last, first + kMaxPageRows})};
}

std::vector<Index> TokenTablePages::missingTokens(Span rows) const {
    std::vector<Index> tokens;
    for (int row = rows.first; row < rows.last; ++row)
        if (!cached(row)) tokens.push_back(rows_->token_at(row));
    std::sort(tokens.begin(), tokens.end());
    return tokens;
}

void TokenTablePages::makeRoom(std::size_t tokens) {
    if (cache_.size() + tokens > kCachedRows) cache_.clear();
}

void TokenTablePages::store(TokenPage page) {
    makeRoom(page.tokens.size());
    for (std::size_t i = 0; i < page.tokens.size(); ++i)
        cache_[page.tokens[i]] = std::move(page.values[i]);
}

// Failed rows keep a mark, so painting them again does not read them again. A row read since
// (by readNow) keeps its values.
void TokenTablePages::markFailed(const std::vector<Index>& tokens) {
    makeRoom(tokens.size());
    TokenRowValues failed;
    failed.failed = true;
    for (Index token : tokens) cache_.try_emplace(token, failed);
}

}  // namespace lngeom::widgets
