#pragma once
// Fitting a line of text (a chart title, a caption, a legend entry) into a width: wrapped onto
// at most a few lines, broken after spaces and after the separators of module paths and names
// ('/', '.', '_', '-', ',', ':'), and when it still does not fit, shortened in the middle with
// "…" so that its beginning (the model) and its end (the norm module) both stay. The caller
// keeps the full text (in a figure's recipe, a view's tooltip).

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lngeom {

// The width of a text in the caller's units (pixels, points), as its font draws it.
using TextWidth = std::function<double(std::string_view)>;

// `text` (UTF-8) as at most `max_lines` lines, each no wider than `width` by `measure`, unless a
// single character is wider. Never empty for a non-empty text.
std::vector<std::string> fit_text(const std::string& text, double width, int max_lines,
                                  const TextWidth& measure);

// The lines joined with '\n'.
std::string fit_text_joined(const std::string& text, double width, int max_lines,
                            const TextWidth& measure);

}  // namespace lngeom
