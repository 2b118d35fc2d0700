#pragma once
// Light and dark themes (Fusion style with a palette of each) and "system": the palette the
// platform gives. The choice is kept between runs.

#include <QString>

#include <optional>

namespace lngeom::app {

enum class Theme { System, Light, Dark };

QString themeKey(Theme theme);  // "system", "light", "dark"
std::optional<Theme> themeFromKey(const QString& key);

// Applies `theme` to the application and remembers it.
void applyTheme(Theme theme);
// The theme applied last (System before any).
Theme currentTheme();
// The remembered theme, applied; call once the QApplication exists.
void applySavedTheme();

}  // namespace lngeom::app
