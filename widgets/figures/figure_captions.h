#pragma once
// What a figure says about where it comes from: the model's name and the caption-ready title
// built from it. Shared by the chart, projection and step-through figures.

#include <string>

namespace lngeom::widgets {

class DumpDocument;

// The model's name for figure titles: /model's "name", else the file's name without extension.
std::string figureModelName(const DumpDocument& document);

// "<model name>: <what the chart shows>": the view's title without the file name it may start
// with ("<fileName>: "), which the model's name replaces.
std::string captionTitle(const std::string& modelName, const std::string& fileName,
                         std::string chartTitle);

}  // namespace lngeom::widgets
