#include "core/reports/metrics_export_hdf5.h"

#include <algorithm>
#include <span>

#include "core/io/atomic_file.h"
#include "core/io/hdf5/hdf5_handles.h"
#include "core/metrics/metric_values.h"

namespace lngeom {
namespace {

// Rows per chunk: large enough for gzip to pay, small enough to read a token range cheaply.
constexpr hsize_t kChunkRows = 65536;
constexpr unsigned kGzipLevel = 4;

template <typename T>
void write_column(hid_t group, const std::string& name, std::span<const T> values, hid_t type,
                  const hdf5::Where& where) {
    const hsize_t rows = values.size();
    const hdf5::Dataspace space(
        hdf5::check_id(H5Screate_simple(1, &rows, nullptr), where, "H5Screate"));
    const hdf5::PropertyList properties(
        hdf5::check_id(H5Pcreate(H5P_DATASET_CREATE), where, "H5Pcreate"));
    const hsize_t chunk = std::max<hsize_t>(1, std::min(rows, kChunkRows));
    hdf5::check_status(H5Pset_chunk(properties.id(), 1, &chunk), where, "H5Pset_chunk");
    hdf5::check_status(H5Pset_deflate(properties.id(), kGzipLevel), where, "H5Pset_deflate");
    const hdf5::Dataset dataset(
        hdf5::check_id(H5Dcreate2(group, name.c_str(), type, space.id(), H5P_DEFAULT,
                                  properties.id(), H5P_DEFAULT),
                       where, "H5Dcreate2 " + name));
    hdf5::check_status(H5Dwrite(dataset.id(), type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()),
                       where, "H5Dwrite " + name);
}

// Variable-length UTF-8, as the native dump layout stores its attributes (h5py reads str).
void write_string_attribute(hid_t object, const char* name, const std::string& value,
                            const hdf5::Where& where) {
    const hdf5::Datatype type(hdf5::check_id(H5Tcopy(H5T_C_S1), where, "H5Tcopy"));
    hdf5::check_status(H5Tset_size(type.id(), H5T_VARIABLE), where, "H5Tset_size");
    hdf5::check_status(H5Tset_cset(type.id(), H5T_CSET_UTF8), where, "H5Tset_cset");
    const hdf5::Dataspace space(hdf5::check_id(H5Screate(H5S_SCALAR), where, "H5Screate"));
    const hdf5::Attribute attribute(hdf5::check_id(
        H5Acreate2(object, name, type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT), where, name));
    const char* text = value.c_str();
    hdf5::check_status(H5Awrite(attribute.id(), type.id(), &text), where, name);
}

void write_int_attribute(hid_t object, const char* name, int value, const hdf5::Where& where) {
    const hdf5::Dataspace space(hdf5::check_id(H5Screate(H5S_SCALAR), where, "H5Screate"));
    const hdf5::Attribute attribute(hdf5::check_id(
        H5Acreate2(object, name, H5T_NATIVE_INT, space.id(), H5P_DEFAULT, H5P_DEFAULT), where,
        name));
    hdf5::check_status(H5Awrite(attribute.id(), H5T_NATIVE_INT, &value), where, name);
}

void write_site(hid_t sites, const SiteInfo& site, const SiteColumns& columns,
                const hdf5::Where& where) {
    const hdf5::Group group(
        hdf5::check_id(H5Gcreate2(sites, site.key.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                       where, "H5Gcreate2 /sites/" + site.key));
    write_string_attribute(group.id(), "module", site.module, where);
    write_string_attribute(group.id(), "site", site.site, where);
    write_int_attribute(group.id(), "layer", site.layer, where);
    for (Metric metric : site_metrics(site.has_output))
        write_column(group.id(), std::string(describe(metric).key), metric_values(columns, metric),
                     H5T_NATIVE_FLOAT, where);
}

void write_file(const std::string& temporary, const std::string& path, const DumpInfo& info,
                const MetricsStore& store, const TokenLabelColumns& labels) {
    hdf5::silence_error_printing();
    const hdf5::Where where{path, "/"};
    const hdf5::File file(hdf5::check_id(
        H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), where, "H5Fcreate"));
    write_string_attribute(file.id(), "source", info.path, where);
    const hdf5::Group sites(hdf5::check_id(
        H5Gcreate2(file.id(), "sites", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), where, "/sites"));
    for (SiteIndex site = 0; site < info.sites.size(); ++site)
        write_site(sites.id(), info.sites[site], *store.columns(site), where);
    if (!labels.sequence.empty())
        write_column<std::int32_t>(file.id(), "sequence", labels.sequence, H5T_NATIVE_INT32, where);
    if (!labels.position.empty())
        write_column<std::int32_t>(file.id(), "position", labels.position, H5T_NATIVE_INT32, where);
}

}  // namespace

void write_token_metrics_hdf5(const std::string& path, const DumpInfo& info,
                              const MetricsStore& store, const TokenLabelColumns& labels) {
    AtomicFile file(path);
    write_file(file.temporary_path(), path, info, store, labels);
    file.commit();
}

}  // namespace lngeom
