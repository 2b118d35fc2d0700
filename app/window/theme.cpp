#include "app/window/theme.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace lngeom::app {
namespace {

const char* const kThemeKey = "theme";
Theme appliedTheme = Theme::System;

QPalette darkPalette() {
    const QColor window(45, 47, 54), base(32, 34, 40), text(225, 228, 232);
    const QColor highlight(70, 110, 190), disabled(130, 132, 138);
    QPalette palette;
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, disabled);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, window);
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(255, 90, 90));
    palette.setColor(QPalette::Link, QColor(120, 165, 240));
    palette.setColor(QPalette::Highlight, highlight);
    palette.setColor(QPalette::HighlightedText, Qt::white);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

}  // namespace

QString themeKey(Theme theme) {
    switch (theme) {
        case Theme::Light:
            return "light";
        case Theme::Dark:
            return "dark";
        case Theme::System:
            break;
    }
    return "system";
}

std::optional<Theme> themeFromKey(const QString& key) {
    for (const Theme theme : {Theme::System, Theme::Light, Theme::Dark})
        if (themeKey(theme) == key) return theme;
    return std::nullopt;
}

void applyTheme(Theme theme) {
    // The platform's style, as found before any theme replaced it.
    static const QString systemStyle = QApplication::style()->name();
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setStyle(QStyleFactory::create("Fusion"));
        QApplication::setPalette(theme == Theme::Dark ? darkPalette()
                                                      : QApplication::style()->standardPalette());
    }
    appliedTheme = theme;
    QSettings().setValue(kThemeKey, themeKey(theme));
}

Theme currentTheme() { return appliedTheme; }

void applySavedTheme() {
    const QString saved = QSettings().value(kThemeKey, "system").toString();
    applyTheme(themeFromKey(saved).value_or(Theme::System));
}

}  // namespace lngeom::app
