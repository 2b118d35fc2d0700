#include "core/reports/metrics_export_hdf5.h"

#include <algorithm>
#include <vector>

#include "core/io/atomic_file.h"
#include "core/io/hdf5/hdf5_writing.h"

namespace lngeom {
namespace {

// Rows per chunk: large enough for gzip to pay, small enough to read a token range cheaply.
const hdf5::ColumnLayout kExportLayout{65536, 4, false};
// Rows copied per read and write.
constexpr Index kCopyRows = Index(1) << 20;

// Copies a column of `n` elements of `type` into a new dataset, `read(first, count, buffer)`
// filling each block.
template <typename T, typename Read>
void copy_column(hid_t group, const std::string& name, hid_t type, Index n, Read read,
                 const hdf5::Where& where) {
    const hdf5::Dataset dataset =
        hdf5::create_column(group, name, type, hsize_t(n), kExportLayout, where);
    std::vector<T> block;
    for (Index first = 0; first < n; first += kCopyRows) {
        block.resize(std::size_t(std::min(kCopyRows, n - first)));
        read(first, block);
        hdf5::write_rows(dataset, type, hsize_t(first), block.size(), block.data(), where);
    }
}

void write_site(hid_t sites, const SiteInfo& site, const ColumnSource& columns,
                const hdf5::Where& where) {
    const hdf5::Group group = hdf5::create_group(sites, site.key, where);
    hdf5::write_string_attribute(group.id(), "module", site.module, where);
    hdf5::write_string_attribute(group.id(), "site", site.site, where);
    hdf5::write_int_attribute(group.id(), "layer", site.layer, where);
    for (Metric metric : columns.metrics())
        copy_column<float>(
            group.id(), std::string(describe(metric).key), H5T_NATIVE_FLOAT, site.n_tokens,
            [&](Index first, std::vector<float>& block) { columns.read(metric, first, block); },
            where);
}

void write_file(const std::string& temporary, const std::string& path, const Dump& dump,
                const MetricsStore& store) {
    hdf5::silence_error_printing();
    const DumpInfo& info = dump.info();
    const hdf5::Where where{path, "/"};
    const hdf5::File file = hdf5::create_file(temporary, where);
    hdf5::write_string_attribute(file.id(), "source", info.path, where);
    const hdf5::Group sites = hdf5::create_group(file.id(), "sites", where);
    for (SiteIndex site = 0; site < info.sites.size(); ++site)
        write_site(sites.id(), info.sites[site], *store.columns(site), where);
    if (info.has_sequence)
        copy_column<std::int32_t>(
            file.id(), "sequence", H5T_NATIVE_INT32, info.n_tokens,
            [&](Index first, std::vector<std::int32_t>& block) {
                block = dump.read_sequence(first, Index(block.size()));
            },
            where);
    if (info.has_position)
        copy_column<std::int32_t>(
            file.id(), "position", H5T_NATIVE_INT32, info.n_tokens,
            [&](Index first, std::vector<std::int32_t>& block) {
                block = dump.read_position(first, Index(block.size()));
            },
            where);
}

}  // namespace

void write_token_metrics_hdf5(const std::string& path, const Dump& dump,
                              const MetricsStore& store) {
    AtomicFile file(path);
    write_file(file.temporary_path(), path, dump, store);
    file.commit();
}

}  // namespace lngeom
