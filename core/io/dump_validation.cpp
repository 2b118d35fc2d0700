#include "core/io/dump_validation.h"

#include <algorithm>

#include "core/io/dump.h"
#include "core/io/hdf5/hdf5_activity.h"
#include "core/io/hdf5/hdf5_chunk_index.h"
#include "core/io/hdf5/hdf5_objects.h"

namespace lngeom {

namespace {

// Token columns are read in blocks of this many rows; whole up to kWholeColumnRows, which no
// real dump exceeds, else their first and last blocks (a file may declare 10^15 tokens, and
// lngeom refuses such a dump before it reads its columns).
constexpr Index kColumnBlockRows = 65536;
constexpr Index kWholeColumnRows = Index(1) << 24;

void walk_chunk_indexes(const Dump& dump) {
    const std::string& path = dump.info().path;
    const hdf5::File file = hdf5::open_file_read_only(path);
    for (const std::string& name : dump.datasets()) {
        const hdf5::Where where{path, name};
        hdf5::walk_chunk_index(hdf5::open_dataset(file.id(), name, where), where);
    }
}

void read_first_and_last_rows(const Dump& dump) {
    for (SiteIndex site = 0; site < dump.info().sites.size(); ++site) {
        const SiteInfo& about = dump.info().sites[site];
        RowBlock block;
        for (const Index row : {Index(0), about.n_tokens - 1}) {
            if (row < 0) continue;
            dump.read_rows(site, Stream::Input, row, 1, block);
            if (about.has_output) dump.read_rows(site, Stream::Output, row, 1, block);
        }
        dump.read_gamma(site);
        dump.read_beta(site);
    }
}

// `read(first, count)` over the column's blocks: all of them, or the first and last.
void read_column(Index n_rows, const std::function<void(Index, Index)>& read) {
    const Index last = std::max<Index>(n_rows - kColumnBlockRows, 0);
    for (Index first = 0; first < n_rows; first += kColumnBlockRows) {
        if (n_rows > kWholeColumnRows && first > 0) first = std::max(first, last);
        read(first, std::min(kColumnBlockRows, n_rows - first));
    }
}

void read_token_columns(const Dump& dump, const ValidationScope& scope) {
    const DumpInfo& info = dump.info();
    if (info.has_tokens && scope.token_strings)
        read_column(info.n_tokens, [&](Index first, Index n) { dump.read_tokens(first, n); });
    if (info.has_sequence)
        read_column(info.n_tokens, [&](Index first, Index n) { dump.read_sequence(first, n); });
    if (info.has_position)
        read_column(info.n_tokens, [&](Index first, Index n) { dump.read_position(first, n); });
}

}  // namespace

void validate_dump(const std::string& path, const std::string& dataset,
                   const ValidationListener& listener, const ValidationScope& scope) {
    const hdf5::ActivityWatch watch(
        [&listener](const hdf5::Where& where, std::string_view activity) {
            listener(where.object, activity);
        });
    validate_open_dump(Dump::open(path, dataset), scope);
}

void validate_open_dump(const Dump& dump, const ValidationScope& scope) {
    walk_chunk_indexes(dump);
    read_first_and_last_rows(dump);
    read_token_columns(dump, scope);
}

}  // namespace lngeom
