#pragma once
// The tokens the user has selected, shared by every view of a dump: a histogram brush, a heatmap
// cell, table rows or a picked point all write here, and every view redraws from here. A token
// is a row index, the same at every norm site.

#include <QObject>

#include <cstdint>
#include <span>
#include <vector>

#include "core/io/dump.h"

namespace lngeom::widgets {

class TokenSelection : public QObject {
    Q_OBJECT
  public:
    explicit TokenSelection(Index n_tokens, QObject* parent = nullptr);

    Index tokenCount() const { return static_cast<Index>(member_.size()); }
    // Selected token indices, ascending, without repeats.
    const std::vector<Index>& tokens() const { return tokens_; }
    bool contains(Index token) const;
    bool isEmpty() const { return tokens_.empty(); }

    // Replaces the selection; indices outside [0, tokenCount()) are ignored. `source` is the view
    // that made the change, so it can skip redrawing what it already shows.
    void setTokens(std::span<const Index> tokens, QObject* source = nullptr);
    void clear(QObject* source = nullptr);

  signals:
    void changed(QObject* source);

  private:
    std::vector<std::uint8_t> member_;
    std::vector<Index> tokens_;
};

}  // namespace lngeom::widgets
