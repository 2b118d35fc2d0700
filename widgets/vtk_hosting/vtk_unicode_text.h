#pragma once
// VTK's bundled fonts lack the symbols the views write (σ, ε, θ, γ, ⊥, ‖, ⊙): text properties
// draw lngeom's text font (widgets/support/text_font.h) from its file, and text is spelled out in
// ASCII words on a machine where that font is missing.

#include <string>

class vtkTextProperty;

namespace lngeom::widgets {

// Points `property` at the text font's file (its bold face for a bold property), if installed.
// Call it after setting the property's boldness.
void useUnicodeFont(vtkTextProperty* property);
// `text` as it can be drawn with the font useUnicodeFont() chose.
std::string drawableText(const std::string& text);

}  // namespace lngeom::widgets
