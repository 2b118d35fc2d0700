#include "app/session/session.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "app/session/session_views.h"
#include "core/errors.h"
#include "widgets/charts/io_curve_settings_json.h"
#include "widgets/charts/massive_thresholds_json.h"
#include "widgets/charts/view_settings_json.h"
#include "widgets/ellipsoid/ellipsoid_settings_json.h"
#include "widgets/projection/projection_settings_json.h"
#include "widgets/support/json_reader.h"
#include "widgets/vtk_hosting/camera_pose_json.h"

namespace lngeom::app {
namespace {

const char* const kFormat = "lngeom-session";
constexpr int kVersion = 1;

[[noreturn]] void fail(const QString& source, const QString& reason) {
    throw SessionError(QString("%1: %2").arg(source, reason).toStdString());
}

QJsonObject fileToJson(const SessionFile& file) {
    QJsonArray selection;
    for (const Index token : file.selection) selection.append(qint64(token));
    return {{"path", file.path},
            {"dataset", file.dataset},
            {"site", qint64(file.site)},
            {"selection", selection}};
}

SessionFile fileFromJson(const widgets::JsonReader& json) {
    if (!json.has("path")) json.fail("path", "missing: every entry of \"files\" needs a \"path\"");
    return {json.string("path"), json.string("dataset"), json.siteIndex("site").value_or(0),
            json.tokens("selection")};
}

// "current" and "comparison" point into "files".
int fileIndex(const widgets::JsonReader& json, const char* key, std::size_t fileCount) {
    const int index = json.integer(key, -1);
    if (index < -1 || index >= int(fileCount))
        json.fail(key, QString("must be -1 or the index of one of the %1 entries of \"files\"")
                           .arg(fileCount));
    return index;
}

void checkFormat(const QJsonObject& json, const QString& source) {
    if (json["format"].toString() != kFormat)
        fail(source, QString("not an lngeom session (\"format\" should be \"%1\")").arg(kFormat));
    if (json["version"].toInt() != kVersion)
        fail(source, QString("session version %1 is not supported (this lngeom reads %2)")
                         .arg(json["version"].toInt())
                         .arg(kVersion));
}

Session readSession(const QJsonObject& object, const QString& source) {
    const widgets::JsonReader json(object, source);
    Session session;
    for (int index = 0; index < json.array("files").size(); ++index)
        session.files.push_back(fileFromJson(json.element("files", index)));
    session.current = fileIndex(json, "current", session.files.size());
    if (json.has("comparison"))
        session.comparison = fileIndex(json, "comparison", session.files.size());
    session.histogram = widgets::histogramSettingsFromJson(json.object("histogram"));
    session.heatmap = widgets::heatmapSettingsFromJson(json.object("heatmap"));
    session.curves = widgets::curvesSettingsFromJson(json.object("curves"));
    session.stepThrough = stepThroughFromJson(json.object("step_through"));
    session.projection = widgets::projectionSettingsFromJson(json.object("projection"));
    session.ellipsoid = widgets::ellipsoidSettingsFromJson(json.object("ellipsoid"));
    session.table = tableFromJson(json.object("table"));
    session.massive = widgets::massiveThresholdsFromJson(json.object("massive"));
    session.ioCurve = widgets::ioCurveColouringFromJson(json.object("io_curve"));
    if (json.has("camera")) session.camera = widgets::cameraPoseFromJson(json.object("camera"));
    session.layout = QByteArray::fromBase64(json.string("layout").toLatin1());
    session.theme = json.string("theme");
    return session;
}

}  // namespace

QJsonObject sessionToJson(const Session& session) {
    QJsonArray files;
    for (const SessionFile& file : session.files) files.append(fileToJson(file));
    QJsonObject json{{"format", kFormat},
                     {"version", kVersion},
                     {"files", files},
                     {"current", session.current},
                     {"histogram", widgets::histogramSettingsToJson(session.histogram)},
                     {"heatmap", widgets::heatmapSettingsToJson(session.heatmap)},
                     {"curves", widgets::curvesSettingsToJson(session.curves)},
                     {"step_through", stepThroughToJson(session.stepThrough)},
                     {"projection", widgets::projectionSettingsToJson(session.projection)},
                     {"ellipsoid", widgets::ellipsoidSettingsToJson(session.ellipsoid)},
                     {"table", tableToJson(session.table)},
                     {"massive", widgets::massiveThresholdsToJson(session.massive)},
                     {"io_curve", widgets::ioCurveColouringToJson(session.ioCurve)},
                     {"layout", QString::fromLatin1(session.layout.toBase64())},
                     {"theme", session.theme}};
    if (session.comparison) json["comparison"] = *session.comparison;
    if (session.camera) json["camera"] = widgets::cameraPoseToJson(*session.camera);
    return json;
}

Session sessionFromJson(const QJsonObject& object, const QString& source) {
    checkFormat(object, source);
    try {
        return readSession(object, source);
    } catch (const FormatError& error) {
        throw SessionError(error.what());
    }
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
