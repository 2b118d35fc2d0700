#pragma once
// VTK's bundled fonts lack the symbols the views write (σ, ε, θ, γ, ⊥, ‖, ⊙): text properties
// use DejaVu Sans when it is installed (Debian's fonts-dejavu-core), and the text is spelled out
// in ASCII words when it is not.

#include <string>

class vtkTextProperty;

namespace lngeom::widgets {

// Points `property` at a font file that has the symbols, if one is installed.
void useUnicodeFont(vtkTextProperty* property);
// `text` as it can be drawn with the font useUnicodeFont() chose.
std::string drawableText(const std::string& text);

}  // namespace lngeom::widgets
