#include "widgets/vtk_hosting/vtk_unicode_text.h"

#include <vtkTextProperty.h>

#include <array>
#include <utility>

#include "widgets/support/text_font.h"

namespace lngeom::widgets {

void useUnicodeFont(vtkTextProperty* property) {
    if (!textFontInstalled()) return;
    property->SetFontFamily(VTK_FONT_FILE);
    property->SetFontFile(textFontFile(property->GetBold() != 0));
}

std::string drawableText(const std::string& text) {
    if (textFontInstalled()) return text;
    static const std::array<std::pair<std::string, std::string>, 8> spelled{{{"⊥", "-perp"},
                                                                             {"σ", "sigma"},
                                                                             {"ε", "eps"},
                                                                             {"θ", "theta"},
                                                                             {"γ", "gamma"},
                                                                             {"β", "beta"},
                                                                             {"‖", "|"},
                                                                             {"⊙", "*"}}};
    std::string result = text;
    for (const auto& [symbol, words] : spelled)
        for (auto at = result.find(symbol); at != std::string::npos; at = result.find(symbol))
            result.replace(at, symbol.size(), words);
    return result;
}

}  // namespace lngeom::widgets
