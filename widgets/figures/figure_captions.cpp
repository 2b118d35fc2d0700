#include "widgets/figures/figure_captions.h"

#include <filesystem>
#include <variant>

#include "widgets/document/dump_document.h"

namespace lngeom::widgets {

std::string figureModelName(const DumpDocument& document) {
    const auto found = document.info().model.find("name");
    if (found != document.info().model.end())
        if (const auto* name = std::get_if<std::string>(&found->second)) return *name;
    return std::filesystem::path(document.path().toStdString()).stem().string();
}

std::string captionTitle(const std::string& modelName, const std::string& fileName,
                         std::string chartTitle) {
    const std::string filePrefix = fileName + ": ";
    if (chartTitle.starts_with(filePrefix)) chartTitle.erase(0, filePrefix.size());
    return modelName.empty() ? chartTitle : modelName + ": " + chartTitle;
}

}  // namespace lngeom::widgets
