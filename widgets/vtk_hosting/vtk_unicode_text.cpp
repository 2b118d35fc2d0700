#include "widgets/vtk_hosting/vtk_unicode_text.h"

#include <vtkTextProperty.h>

#include <array>
#include <filesystem>
#include <utility>

namespace lngeom::widgets {
namespace {

constexpr const char* kUnicodeFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

bool haveUnicodeFont() {
    static const bool present = std::filesystem::exists(kUnicodeFont);
    return present;
}

}  // namespace

void useUnicodeFont(vtkTextProperty* property) {
    if (!haveUnicodeFont()) return;
    property->SetFontFamily(VTK_FONT_FILE);
    property->SetFontFile(kUnicodeFont);
}

std::string drawableText(const std::string& text) {
    if (haveUnicodeFont()) return text;
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
