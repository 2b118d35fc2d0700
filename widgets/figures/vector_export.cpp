#include "widgets/figures/vector_export.h"

#include <vtkGL2PSExporter.h>
#include <vtkNew.h>
#include <vtkRenderWindow.h>

#include <filesystem>

namespace lngeom::widgets {

bool exportVectorImage(vtkRenderWindow* window, const std::string& path) {
    const std::filesystem::path target(path);
    vtkNew<vtkGL2PSExporter> exporter;
    const std::string extension = target.extension().string();
    if (extension == ".svg") {
        exporter->SetFileFormatToSVG();
        // VTK always hands GL2PS the window's raster background, which Debian's GL2PS (built
        // without libpng) cannot embed in SVG and says so on stderr for every export. The SVG
        // needs no background (charts draw their own); GL2PS's failures still reach us as VTK
        // errors and as a missing or empty file.
        exporter->SilentOn();
    } else if (extension == ".pdf")
        exporter->SetFileFormatToPDF();
    else if (extension == ".eps")
        exporter->SetFileFormatToEPS();
    else
        return false;
    std::error_code ignored;
    std::filesystem::remove(target, ignored);
    exporter->SetRenderWindow(window);
    // GL2PS appends the extension itself.
    exporter->SetFilePrefix((target.parent_path() / target.stem()).string().c_str());
    exporter->SetTitle(target.stem().string().c_str());
    exporter->CompressOff();
    // Sorting by depth draws grid lines over bars.
    exporter->SetSortToOff();
    exporter->Write();
    return std::filesystem::exists(target) && std::filesystem::file_size(target) > 0;
}

}  // namespace lngeom::widgets
