#include "widgets/document/token_selection.h"

#include <algorithm>

namespace lngeom::widgets {

TokenSelection::TokenSelection(Index n_tokens, QObject* parent)
    : QObject(parent), member_(static_cast<std::size_t>(std::max<Index>(0, n_tokens)), 0) {}

bool TokenSelection::contains(Index token) const {
    return token >= 0 && token < tokenCount() && member_[static_cast<std::size_t>(token)] != 0;
}

void TokenSelection::setTokens(std::span<const Index> tokens, QObject* source) {
    for (Index token : tokens_) member_[static_cast<std::size_t>(token)] = 0;
    tokens_.clear();
    for (Index token : tokens) {
        if (token < 0 || token >= tokenCount()) continue;
        auto& flag = member_[static_cast<std::size_t>(token)];
        if (flag == 0) tokens_.push_back(token);
        flag = 1;
    }
    std::sort(tokens_.begin(), tokens_.end());
    emit changed(source);
}

void TokenSelection::clear(QObject* source) { setTokens({}, source); }

}  // namespace lngeom::widgets
