#include "widgets/charts/massive_thresholds_json.h"

#include "widgets/support/json_reader.h"

namespace lngeom::widgets {

QJsonObject massiveThresholdsToJson(const MassiveThresholds& thresholds) {
    return {{"abs", thresholds.absolute}, {"ratio", thresholds.ratio}};
}

MassiveThresholds massiveThresholdsFromJson(const JsonReader& json) {
    MassiveThresholds thresholds;
    thresholds.absolute = json.number("abs", thresholds.absolute);
    thresholds.ratio = json.number("ratio", thresholds.ratio);
    for (const auto& [key, value] :
         {std::pair{"abs", thresholds.absolute}, {"ratio", thresholds.ratio}})
        if (!(value >= 0)) json.fail(key, "must be a number ≥ 0");
    return thresholds;
}

}  // namespace lngeom::widgets
