#pragma once
// One line that tells the user which token they picked: its index, text, where it came from and
// its key metrics at a site, for the views' info lines and tooltips.

#include <QString>

#include <string>

#include "core/io/dump.h"

namespace lngeom::widgets {

class DumpDocument;

// A token's text with whitespace made visible: character-level tokens are often a space or a
// newline ("␣", "⏎", "⇥").
QString visibleText(const std::string& text);
// The token's text made visible, in quotes; empty without text.
QString visibleTokenText(const DumpDocument& document, Index token);
// "token 17 “e” (text 0, position 17)": which token, its text and where it came from.
QString tokenIdentity(const DumpDocument& document, Index token);
// tokenIdentity, then " · θ = 89.41° · ‖x‖ = 12.3 · c = 0.102 · σ = 1.53" at `site`.
QString describeToken(const DumpDocument& document, SiteIndex site, Index token);
}  // namespace lngeom::widgets
