#include "app/reactions/theme_reaction.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

namespace lngeom::app {
namespace {

struct ThemeEntry {
    Theme theme;
    const char* label;
};

const ThemeEntry kEntries[] = {{Theme::System, QT_TRANSLATE_NOOP("Theme", "Follow the &system")},
                               {Theme::Light, QT_TRANSLATE_NOOP("Theme", "&Light")},
                               {Theme::Dark, QT_TRANSLATE_NOOP("Theme", "&Dark")}};

}  // namespace

ThemeReaction::ThemeReaction(QAction* action, std::optional<Theme> theme)
    : Reaction(action), theme_(theme) {}

void ThemeReaction::addThemeActions(QMenu* menu) {
    auto* group = new QActionGroup(menu);
    for (const ThemeEntry& entry : kEntries) {
        QAction* action = menu->addAction(QObject::tr(entry.label));
        action->setCheckable(true);
        action->setChecked(currentTheme() == entry.theme);
        action->setObjectName("theme-" + themeKey(entry.theme));
        group->addAction(action);
        new ThemeReaction(action, entry.theme);
    }
    menu->addSeparator();
    QAction* toggle = menu->addAction(QObject::tr("&Toggle light / dark"));
    toggle->setObjectName("theme-toggle");
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    new ThemeReaction(toggle, std::nullopt);
    QObject::connect(menu, &QMenu::aboutToShow, group, [group] {
        for (QAction* action : group->actions())
            action->setChecked(action->objectName() == "theme-" + themeKey(currentTheme()));
    });
}

void ThemeReaction::onTriggered() {
    const Theme toggled = currentTheme() == Theme::Dark ? Theme::Light : Theme::Dark;
    applyTheme(theme_.value_or(toggled));
}

}  // namespace lngeom::app
