#pragma once
// The one font lngeom writes text in, in its views and in every figure format: DejaVu Sans
// (Debian's fonts-dejavu-core, which tools/install-deps.sh installs). It has every symbol the
// labels use (σ, ‖, θ, γ, ⊥, ⊙, √, ε, ·, °), which VTK's bundled Arial lacks; VTK draws it from
// the file, and Qt (figures painted into PDF and PNG) registers the same file, so text is
// measured and drawn with the same glyphs everywhere whatever else the machine has installed.

#include <QFont>
#include <QString>

namespace lngeom::widgets {

// The regular and bold faces' files.
const char* textFontFile(bool bold = false);
bool textFontInstalled();

// The family name to write into SVG, followed by generic fallbacks for other machines.
const char* svgFontFamilies();

// Qt's font for figures at `points`: the registered DejaVu Sans, with shaping turned off so that
// no ligature glyph ("ﬁ") ever replaces letters — a PDF's text must read back, and be found by
// a search, as written. Glyphs the face lacks still fall back to other installed fonts.
QFont textFont(double points, bool bold = false);

}  // namespace lngeom::widgets
