#include "app/window/about_dialog.h"

#include <QMessageBox>
#include <QString>

#include "widgets/support/library_versions.h"

namespace lngeom::app {

void showAboutDialog(QWidget* parent) {
    const QString versions = QString::fromStdString(widgets::libraryVersionsText());
    QMessageBox::about(parent, QObject::tr("About lngeom"),
                       QObject::tr("<h3>lngeom %1</h3>"
                                   "<p>The geometry of layer normalization in real model "
                                   "activations.</p><p>Built with:<br>%2</p>")
                           .arg(LNGEOM_VERSION, versions.toHtmlEscaped().replace("\n", "<br>")));
}

}  // namespace lngeom::app
