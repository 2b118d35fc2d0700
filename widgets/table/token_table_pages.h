#pragma once
// The token table's cells, read a page of rows at a time off the GUI thread: a row not read yet
// asks for its page and has no values until the page arrives. The rows asked for while Qt paints
// become one page read on the table's worker; a newer page replaces one still waiting. Reading
// holds HDF5's global lock, which a document's worker may hold for a long block read, so the GUI
// thread never reads here (only readNow does, for callers that need a value at once).

#include <QObject>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/columns/column_source.h"
#include "core/metrics/metrics.h"
#include "core/tokens/token_rows.h"

namespace lngeom {
class Dump;
}

namespace lngeom::widgets {

class ViewJobs;

// One token's cells as read.
struct TokenRowValues {
    std::optional<std::string> text;
    QVariant sequence;
    QVariant position;
    std::vector<float> values;  // in TokenPageSource::metrics order
    bool failed = false;        // its page could not be read: shown as such, not read again
};

// What pages are read from: one site's columns, the dump, and the metrics the table shows.
struct TokenPageSource {
    std::shared_ptr<const ColumnSource> columns;
    std::shared_ptr<const Dump> dump;
    std::vector<Metric> metrics;
};

// The values of some tokens (ascending), as one read per metric and label window.
struct TokenPage {
    std::vector<Index> tokens;
    std::vector<TokenRowValues> values;
};

// Reads `tokens` (ascending); throws Error when the columns or the dump cannot be read.
TokenPage readTokenPage(const TokenPageSource& source, std::vector<Index> tokens);
// The first rows of `rows`, read where the rows were computed (a sort's worker) so that the top
// of a new order shows values as soon as it is shown; empty when reading fails.
TokenPage readFirstPage(const TokenPageSource& source, const TokenRows& rows);

class TokenTablePages {
  public:
    // `arrived(first, last)`: rows [first, last) have their values now (or failed to read).
    TokenTablePages(QObject* owner, std::function<void(int first, int last)> arrived);
    ~TokenTablePages();

    // New rows or a new source: forgets every value and drops the page being read; `seed`
    // holds values already read.
    void reset(TokenPageSource source, std::shared_ptr<const TokenRows> rows, TokenPage seed = {});
    // The values of `row`, or null after asking for its page.
    const TokenRowValues* find(int row);
    // The values of `row`, reading its page on the calling thread when needed; throws Error.
    const TokenRowValues& readNow(int row);

  private:
    struct Span {
        int first = 0;
        int last = 0;  // one past
        bool contains(int row) const { return row >= first && row < last; }
    };

    const TokenRowValues* cached(int row) const;
    void want(int row);
    void requestWanted();
    Span pageOf(Span wanted) const;
    std::vector<Index> missingTokens(Span rows) const;
    void makeRoom(std::size_t tokens);
    void store(TokenPage page);
    void markFailed(const std::vector<Index>& tokens);

    QObject* owner_;
    std::function<void(int, int)> arrived_;
    TokenPageSource source_;
    std::shared_ptr<const TokenRows> rows_;
    std::unordered_map<Index, TokenRowValues> cache_;  // by token
    std::optional<Span> wanted_;                       // asked for since the last request
    std::optional<Span> reading_;                      // the page on the worker
    std::unique_ptr<ViewJobs> jobs_;  // last: its worker is joined before the rest goes
};

}  // namespace lngeom::widgets
