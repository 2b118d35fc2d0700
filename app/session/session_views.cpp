#include "app/session/session_views.h"

#include <QJsonArray>

#include "widgets/charts/view_settings_json.h"

namespace lngeom::app {
QJsonObject tableToJson(const widgets::TokenTableSettings& settings) {
    QJsonObject json{{"search", settings.filter.text},
                     {"sort_column", settings.sortColumn},
                     {"descending", settings.sortOrder == Qt::DescendingOrder}};
    if (settings.filter.metric)
        json["range_metric"] = widgets::metricToJson(*settings.filter.metric);
    if (settings.filter.range) json["range"] = widgets::valueRangeToJson(*settings.filter.range);
    return json;
}

widgets::TokenTableSettings tableFromJson(const widgets::JsonReader& json) {
    widgets::TokenTableSettings settings;
    settings.filter.text = json.string("search");
    if (json.has("range_metric"))
        settings.filter.metric = json.metric("range_metric", Metric::AngleToUniformDeg);
    settings.filter.range = widgets::valueRangeFromJson(json, "range");
    settings.sortColumn = json.integer("sort_column", settings.sortColumn);
    settings.sortOrder =
        json.boolean("descending", false) ? Qt::DescendingOrder : Qt::AscendingOrder;
    return settings;
}

QJsonObject stepThroughToJson(const StepThroughState& state) {
    QJsonArray tokens;
    for (const Index token : state.tokens) tokens.append(qint64(token));
    QJsonObject json{{"step", state.settings.step},
                     {"interval_ms", state.settings.intervalMs},
                     {"tokens", tokens}};
    if (state.teachingVector) {
        const Eigen::Vector3d& x = *state.teachingVector;
        json["teaching_vector"] = QJsonArray{x(0), x(1), x(2)};
    }
    return json;
}

StepThroughState stepThroughFromJson(const widgets::JsonReader& json) {
    StepThroughState state;
    state.settings.step = json.integer("step", state.settings.step);
    state.settings.intervalMs = json.positiveInteger("interval_ms", state.settings.intervalMs);
    state.tokens = json.tokens("tokens");
    const std::vector<double> x = json.numbers("teaching_vector", 3);
    if (!x.empty()) state.teachingVector = Eigen::Vector3d(x[0], x[1], x[2]);
    return state;
}

}  // namespace lngeom::app
