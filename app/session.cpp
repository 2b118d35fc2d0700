#include "app/session.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace lngeom::app {
namespace {

const char* const kFormat = "lngeom-session";
constexpr int kVersion = 1;

[[noreturn]] void fail(const QString& source, const QString& reason) {
    throw SessionError(QString("%1: %2").arg(source, reason).toStdString());
}

QJsonArray vectorToJson(const double (&values)[3]) { return {values[0], values[1], values[2]}; }

void vectorFromJson(const QJsonValue& value, double (&values)[3], const QString& source) {
    const QJsonArray array = value.toArray();
    if (array.size() != 3) fail(source, "a camera vector needs three numbers");
    for (int axis = 0; axis < 3; ++axis) values[axis] = array[axis].toDouble();
}

QString metricKey(Metric metric) {
    const std::string_view key = describe(metric).key;
    return QString::fromUtf8(key.data(), qsizetype(key.size()));
}

Metric metricFromJson(const QJsonValue& value, const QString& source) {
    const std::optional<Metric> metric = metric_from_key(value.toString().toStdString());
    if (!metric) fail(source, QString("unknown metric '%1'").arg(value.toString()));
    return *metric;
}

QJsonObject histogramToJson(const widgets::HistogramSettings& settings) {
    QJsonObject json{{"metric", metricKey(settings.metric)},
                     {"bins", settings.bins},
                     {"log_counts", settings.logCounts}};
    if (settings.range) json["range"] = QJsonArray{settings.range->low, settings.range->high};
    if (settings.overlay)
        json["overlay"] = QJsonObject{{"site", settings.overlay->site},
                                      {"metric", metricKey(settings.overlay->metric)}};
    return json;
}

widgets::HistogramSettings histogramFromJson(const QJsonObject& json, const QString& source) {
    widgets::HistogramSettings settings;
    if (json.contains("metric")) settings.metric = metricFromJson(json["metric"], source);
    settings.bins = json["bins"].toInt(settings.bins);
    settings.logCounts = json["log_counts"].toBool();
    const QJsonArray range = json["range"].toArray();
    if (range.size() == 2) settings.range = ValueRange{range[0].toDouble(), range[1].toDouble()};
    if (json["overlay"].isObject()) {
        const QJsonObject overlay = json["overlay"].toObject();
        settings.overlay = widgets::HistogramOverlay{overlay["site"].toInt(-1),
                                                     metricFromJson(overlay["metric"], source)};
    }
    return settings;
}

// Enum values by name, so a session stays readable and survives reordered enums.
template <typename Enum>
struct Named {
    Enum value;
    const char* name;
};

const Named<Representation> kRepresentations[] = {
    {Representation::Input, "input"},
    {Representation::LnStandardized, "ln_standardized"},
    {Representation::RmsStandardized, "rms_standardized"},
    {Representation::Output, "output"}};
const Named<Placement> kPlacements[] = {{Placement::Linear, "linear"},
                                        {Placement::TrueRadius, "true_radius"}};
const Named<widgets::ProjectionColour> kColours[] = {
    {widgets::ProjectionColour::AngleToUniform, "angle_to_uniform"},
    {widgets::ProjectionColour::Norm, "norm"},
    {widgets::ProjectionColour::Position, "position"},
    {widgets::ProjectionColour::Selection, "selection"}};

template <typename Enum, std::size_t N>
QString nameOf(const Named<Enum> (&names)[N], Enum value) {
    for (const Named<Enum>& entry : names)
        if (entry.value == value) return entry.name;
    return names[0].name;
}

template <typename Enum, std::size_t N>
Enum valueOf(const Named<Enum> (&names)[N], const QJsonValue& json, const QString& what,
             const QString& source) {
    if (json.isUndefined()) return names[0].value;
    for (const Named<Enum>& entry : names)
        if (json.toString() == entry.name) return entry.value;
    fail(source, QString("unknown %1 '%2'").arg(what, json.toString()));
}

QJsonObject projectionToJson(const widgets::ProjectionSettings& settings) {
    return {{"representation", nameOf(kRepresentations, settings.representation)},
            {"placement", nameOf(kPlacements, settings.placement)},
            {"colour", nameOf(kColours, settings.colour)}};
}

widgets::ProjectionSettings projectionFromJson(const QJsonObject& json, const QString& source) {
    widgets::ProjectionSettings settings;
    settings.representation =
        valueOf(kRepresentations, json["representation"], "representation", source);
    settings.placement = valueOf(kPlacements, json["placement"], "placement", source);
    settings.colour = valueOf(kColours, json["colour"], "colour", source);
    return settings;
}

QJsonObject tableToJson(const widgets::TokenTableSettings& settings) {
    QJsonObject json{{"search", settings.filter.text},
                     {"sort_column", settings.sortColumn},
                     {"descending", settings.sortOrder == Qt::DescendingOrder}};
    if (settings.filter.metric) json["range_metric"] = metricKey(*settings.filter.metric);
    if (settings.filter.range)
        json["range"] = QJsonArray{settings.filter.range->low, settings.filter.range->high};
    return json;
}

widgets::TokenTableSettings tableFromJson(const QJsonObject& json, const QString& source) {
    widgets::TokenTableSettings settings;
    settings.filter.text = json["search"].toString();
    if (json.contains("range_metric"))
        settings.filter.metric = metricFromJson(json["range_metric"], source);
    const QJsonArray range = json["range"].toArray();
    if (range.size() == 2)
        settings.filter.range = ValueRange{range[0].toDouble(), range[1].toDouble()};
    settings.sortColumn = json["sort_column"].toInt(settings.sortColumn);
    settings.sortOrder = json["descending"].toBool() ? Qt::DescendingOrder : Qt::AscendingOrder;
    return settings;
}

QJsonObject fileToJson(const SessionFile& file) {
    QJsonArray selection;
    for (const Index token : file.selection) selection.append(qint64(token));
    return {{"path", file.path},
            {"dataset", file.dataset},
            {"site", file.site},
            {"selection", selection}};
}

SessionFile fileFromJson(const QJsonValue& value, const QString& source) {
    const QJsonObject json = value.toObject();
    if (!json["path"].isString()) fail(source, "every entry of \"files\" needs a \"path\"");
    SessionFile file{json["path"].toString(), json["dataset"].toString(), json["site"].toInt(), {}};
    for (const QJsonValue token : json["selection"].toArray())
        file.selection.push_back(Index(token.toInteger()));
    return file;
}

QJsonObject cameraToJson(const CameraState& camera) {
    return {{"position", vectorToJson(camera.position)},
            {"focal_point", vectorToJson(camera.focalPoint)},
            {"view_up", vectorToJson(camera.viewUp)},
            {"view_angle", camera.viewAngle}};
}

CameraState cameraFromJson(const QJsonObject& json, const QString& source) {
    CameraState camera;
    vectorFromJson(json["position"], camera.position, source);
    vectorFromJson(json["focal_point"], camera.focalPoint, source);
    vectorFromJson(json["view_up"], camera.viewUp, source);
    camera.viewAngle = json["view_angle"].toDouble(camera.viewAngle);
    return camera;
}

}  // namespace

QJsonObject sessionToJson(const Session& session) {
    QJsonArray files;
    for (const SessionFile& file : session.files) files.append(fileToJson(file));
    QJsonObject json{{"format", kFormat},
                     {"version", kVersion},
                     {"files", files},
                     {"current", session.current},
                     {"histogram", histogramToJson(session.histogram)},
                     {"projection", projectionToJson(session.projection)},
                     {"table", tableToJson(session.table)},
                     {"layout", QString::fromLatin1(session.layout.toBase64())},
                     {"theme", session.theme}};
    if (session.camera) json["camera"] = cameraToJson(*session.camera);
    return json;
}

Session sessionFromJson(const QJsonObject& json, const QString& source) {
    if (json["format"].toString() != kFormat)
        fail(source, QString("not an lngeom session (\"format\" should be \"%1\")").arg(kFormat));
    if (json["version"].toInt() != kVersion)
        fail(source, QString("session version %1 is not supported (this lngeom reads %2)")
                         .arg(json["version"].toInt())
                         .arg(kVersion));
    Session session;
    for (const QJsonValue file : json["files"].toArray())
        session.files.push_back(fileFromJson(file, source));
    session.current = json["current"].toInt(-1);
    session.histogram = histogramFromJson(json["histogram"].toObject(), source);
    session.projection = projectionFromJson(json["projection"].toObject(), source);
    session.table = tableFromJson(json["table"].toObject(), source);
    if (json["camera"].isObject())
        session.camera = cameraFromJson(json["camera"].toObject(), source);
    session.layout = QByteArray::fromBase64(json["layout"].toString().toLatin1());
    session.theme = json["theme"].toString();
    return session;
}

void writeSessionFile(const Session& session, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) fail(path, "cannot be written: " + file.errorString());
    file.write(QJsonDocument(sessionToJson(session)).toJson());
    if (!file.commit()) fail(path, "cannot be written: " + file.errorString());
}

Session readSessionFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) fail(path, "cannot be read: " + file.errorString());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        fail(path,
             QString("not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    if (!document.isObject()) fail(path, "not an lngeom session (the JSON is not an object)");
    return sessionFromJson(document.object(), path);
}

}  // namespace lngeom::app
