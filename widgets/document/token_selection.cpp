#include "widgets/document/token_selection.h"

namespace lngeom::widgets {

TokenSelection::TokenSelection(Index n_tokens, QObject* parent)
    : QObject(parent), set_(std::make_shared<const TokenSet>(n_tokens)) {}

void TokenSelection::setTokens(std::span<const Index> tokens, QObject* source) {
    setSet(TokenSet::of(tokenCount(), tokens), source);
}

void TokenSelection::setSet(TokenSet tokens, QObject* source) {
    if (tokens.universe() != tokenCount()) return;
    set_ = std::make_shared<const TokenSet>(std::move(tokens));
    emit changed(source);
}

void TokenSelection::clear(QObject* source) { setSet(TokenSet(tokenCount()), source); }

}  // namespace lngeom::widgets
