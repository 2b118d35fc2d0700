#pragma once
// The tokens the user has selected, shared by every view of a dump: a histogram brush, a heatmap
// cell, table rows or a picked point all write here, and every view redraws from here. A token
// is a row index, the same at every norm site. Held as an immutable bitmap (TokenSet), so a
// view's worker thread can read a snapshot while the user selects again.

#include <QObject>

#include <memory>
#include <span>
#include <vector>

#include "core/io/dump.h"
#include "core/tokens/token_set.h"

namespace lngeom::widgets {

class TokenSelection : public QObject {
    Q_OBJECT
  public:
    explicit TokenSelection(Index n_tokens, QObject* parent = nullptr);

    Index tokenCount() const { return set_->universe(); }
    const TokenSet& set() const { return *set_; }
    // The selection as it is now, for a worker thread: later changes replace it, never alter it.
    std::shared_ptr<const TokenSet> snapshot() const { return set_; }
    Index count() const { return set_->count(); }
    bool isEmpty() const { return set_->empty(); }
    bool contains(Index token) const { return set_->contains(token); }
    // The first `limit` selected tokens, ascending.
    std::vector<Index> firstTokens(std::size_t limit) const { return set_->first_tokens(limit); }

    // Replaces the selection; indices outside [0, tokenCount()) are ignored. `source` is the view
    // that made the change, so it can skip redrawing what it already shows.
    void setTokens(std::span<const Index> tokens, QObject* source = nullptr);
    // Replaces the selection by `tokens` (of tokenCount() tokens; ignored otherwise).
    void setSet(TokenSet tokens, QObject* source = nullptr);
    void clear(QObject* source = nullptr);

  signals:
    void changed(QObject* source);

  private:
    std::shared_ptr<const TokenSet> set_;
};

}  // namespace lngeom::widgets
