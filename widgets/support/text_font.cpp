#include "widgets/support/text_font.h"

#include <QFontDatabase>
#include <QStringList>

#include <filesystem>

namespace lngeom::widgets {
namespace {

constexpr const char* kRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr const char* kFamily = "DejaVu Sans";

// Registers both faces with Qt once; the family name fontconfig would give them otherwise.
QString registeredFamily() {
    static const QString family = [] {
        QFontDatabase::addApplicationFont(QString::fromUtf8(kBold));
        const int id = QFontDatabase::addApplicationFont(QString::fromUtf8(kRegular));
        const QStringList families = QFontDatabase::applicationFontFamilies(id);
        return families.isEmpty() ? QString::fromUtf8(kFamily) : families.first();
    }();
    return family;
}

}  // namespace

const char* textFontFile(bool bold) { return bold ? kBold : kRegular; }

bool textFontInstalled() {
    static const bool installed = std::filesystem::exists(kRegular);
    return installed;
}

const char* svgFontFamilies() { return "DejaVu Sans, Verdana, Arial, sans-serif"; }

QFont textFont(double points, bool bold) {
    QFont font(registeredFamily());
    font.setPointSizeF(points);
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

}  // namespace lngeom::widgets
