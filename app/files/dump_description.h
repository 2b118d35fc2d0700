#pragma once
// A dump's contents in words, for the file browser and the dataset picker: element types,
// layouts, attribute values, shapes and byte sizes.

#include <QString>

#include <vector>

#include "core/io/dump.h"

namespace lngeom::app {

QString layoutName(Layout layout);
QString normKindName(NormKind kind);
QString attributeText(const AttributeValue& value);
// "(512, 64)"
QString shapeText(const std::vector<Index>& shape);
// "1.4 MB"
QString byteSizeText(qint64 bytes);
// "layer 3 · ln1 · decoder · pre-attention · d 64 · float32 · LayerNorm, with output"
QString siteDescription(const SiteInfo& site);

}  // namespace lngeom::app
