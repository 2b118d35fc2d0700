// The native layout, version 1 (docs/FORMAT.md): /norms/NNN groups with input,
// output, gamma, beta and the site's attributes.
#include <algorithm>
#include <cctype>

#include "core/errors.h"
#include "core/io/dump_contents.h"
#include "core/io/hdf5/hdf5_attributes.h"
#include "core/io/hdf5/hdf5_dataset.h"
#include "core/io/hdf5/hdf5_objects.h"

namespace lngeom::detail {

namespace {

constexpr const char* kFormatName = "lngeom-activations";
constexpr std::int64_t kFormatVersion = 1;

void require_supported_version(const hdf5::Group& root, const hdf5::Where& where) {
    const std::optional<std::int64_t> version =
        hdf5::integer_attribute(root.id(), "format_version", where);
    if (!version) {
        throw FormatError(where.file, "/",
                          "attribute format_version is missing; a native lngeom dump has "
                          "format_version = 1");
    }
    if (*version != kFormatVersion) {
        throw FormatError(where.file, "/",
                          "format_version " + std::to_string(*version) +
                              " is not supported; this lngeom reads format_version 1");
    }
}

NormKind parse_kind(const std::optional<std::string>& kind, const hdf5::Where& where) {
    if (!kind) return NormKind::Unknown;
    if (*kind == "layernorm") return NormKind::LayerNorm;
    if (*kind == "rmsnorm") return NormKind::RmsNorm;
    throw FormatError(where.file, where.object,
                      "attribute kind is \"" + *kind + "\"; expected \"layernorm\" or \"rmsnorm\"");
}

GammaConvention parse_convention(const std::optional<std::string>& convention,
                                 const hdf5::Where& where) {
    if (!convention || *convention == "weight") return GammaConvention::Weight;
    if (*convention == "one_plus_weight") return GammaConvention::OnePlusWeight;
    throw FormatError(where.file, where.object,
                      "attribute gamma_convention is \"" + *convention +
                          "\"; expected \"weight\" or \"one_plus_weight\"");
}

void read_site_attributes(const hdf5::Group& group, const hdf5::Where& where, SiteInfo& site) {
    const hid_t id = group.id();
    site.module = hdf5::string_attribute(id, "module", where).value_or(where.object);
    site.kind = parse_kind(hdf5::string_attribute(id, "kind", where), where);
    site.layer = int(hdf5::integer_attribute(id, "layer", where).value_or(-1));
    site.site = hdf5::string_attribute(id, "site", where).value_or("");
    const std::optional<double> eps = hdf5::number_attribute(id, "eps", where);
    site.has_eps = eps.has_value();
    site.eps = eps.value_or(site.eps);
    site.gamma_convention =
        parse_convention(hdf5::string_attribute(id, "gamma_convention", where), where);
}

int optional_index(hid_t group, const char* name, const hdf5::Where& where) {
    return int(hdf5::integer_attribute(group, name, where).value_or(-1));
}

// The exporter's record of where the norm sits: all optional, older dumps have none of them.
void read_site_placement(const hdf5::Group& group, const hdf5::Where& where, SiteInfo& site) {
    const hid_t id = group.id();
    site.stack = hdf5::string_attribute(id, "stack", where).value_or("");
    site.role = hdf5::string_attribute(id, "role", where).value_or("");
    site.call = optional_index(id, "call", where);
    site.head = optional_index(id, "head", where);
    site.slot = optional_index(id, "slot", where);
}

std::optional<FloatDataset> open_optional(const hdf5::File& file, const hdf5::Where& where,
                                          const std::string& path) {
    if (!hdf5::object_exists(file.id(), path, where)) return std::nullopt;
    return open_float_dataset(file, where, path);
}

void require_same_shape(const FloatDataset& output, const FloatDataset& input) {
    if (output.shape == input.shape) return;
    throw FormatError(output.where.file, output.where.object,
                      "has shape " + shape_text(output.shape) + " but input has " +
                          shape_text(input.shape) + "; output must have the shape of input");
}

void require_vector_of(const FloatDataset& vector, hsize_t d) {
    if (vector.shape == std::vector<hsize_t>{d}) return;
    throw FormatError(
        vector.where.file, vector.where.object,
        "has shape " + shape_text(vector.shape) + "; expected (d,) = (" + std::to_string(d) + ",)");
}

SiteSource open_site_data(const hdf5::File& file, const hdf5::Where& where) {
    const std::string& group = where.object;
    if (!hdf5::is_dataset(file.id(), group + "/input", where)) {
        throw FormatError(where.file, group,
                          "has no dataset 'input' (the vectors entering the norm, n_tokens x d)");
    }
    SiteSource source{open_float_dataset(file, where, group + "/input"), {}, {}, {}, 0};
    require_rank(source.input, {2}, "rank 2 (n_tokens, d)");
    require_useful_width(source.input);
    const hsize_t d = source.input.shape[1];
    source.output = open_optional(file, where, group + "/output");
    if (source.output) require_same_shape(*source.output, source.input);
    source.gamma = open_optional(file, where, group + "/gamma");
    if (source.gamma) require_vector_of(*source.gamma, d);
    source.beta = open_optional(file, where, group + "/beta");
    if (source.beta) require_vector_of(*source.beta, d);
    return source;
}

SiteInfo describe_site(const std::string& key, const SiteSource& source) {
    SiteInfo site;
    site.key = key;
    site.n_tokens = Index(source.input.shape[0]);
    site.d = Index(source.input.shape[1]);
    site.input_type = source.input.type;
    site.has_output = source.output.has_value();
    if (source.output) site.output_type = source.output->type;
    site.has_gamma = source.gamma.has_value();
    site.has_beta = source.beta.has_value();
    return site;
}

// Three digits or more: a dump of a thousand sites or more (QK-norm per head) has 0000, 0001, ...
bool is_site_key(const std::string& name) {
    return name.size() >= 3 && std::all_of(name.begin(), name.end(),
                                           [](unsigned char c) { return std::isdigit(c) != 0; });
}

// Numeric order, whether or not the keys are padded to one width.
void sort_site_keys(std::vector<std::string>& keys) {
    std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
        return a.size() != b.size() ? a.size() < b.size() : a < b;
    });
}

std::vector<std::string> site_keys(const hdf5::File& file, const hdf5::Where& where) {
    const hdf5::Where norms{where.file, "/norms"};
    if (!hdf5::is_group(file.id(), "/norms", norms)) {
        throw FormatError(where.file, "/norms",
                          "missing: a native lngeom dump needs a group /norms with one group "
                          "per norm module (000, 001, ...)");
    }
    const hdf5::Group group = hdf5::open_group(file.id(), "/norms", norms);
    std::vector<std::string> keys = hdf5::member_names(group.id(), norms);
    if (keys.empty()) throw FormatError(where.file, "/norms", "has no norm groups");
    for (const std::string& key : keys) {
        if (!is_site_key(key) || !hdf5::is_group(file.id(), "/norms/" + key, norms)) {
            throw FormatError(where.file, "/norms/" + key,
                              "is not a norm group; /norms holds only groups named 000, 001, ...");
        }
    }
    sort_site_keys(keys);
    return keys;
}

std::string tokens_text(Index n_tokens) {
    return n_tokens == 0 ? "no tokens (0 rows)" : std::to_string(n_tokens) + " tokens";
}

void add_site(DumpContents& contents, const std::string& key, const hdf5::Where& where) {
    const hdf5::Where here{where.file, "/norms/" + key};
    SiteSource source = open_site_data(contents.file, here);
    SiteInfo site = describe_site(key, source);
    const hdf5::Group group = hdf5::open_group(contents.file.id(), here.object, here);
    read_site_attributes(group, here, site);
    read_site_placement(group, here, site);
    if (!contents.sites.empty() && site.n_tokens != contents.info.n_tokens) {
        throw FormatError(where.file, here.object + "/input",
                          "has " + tokens_text(site.n_tokens) + " but /norms/" +
                              contents.info.sites.front().key + "/input has " +
                              tokens_text(contents.info.n_tokens) +
                              "; every site of a native dump sees the same tokens");
    }
    contents.info.n_tokens = site.n_tokens;
    contents.info.sites.push_back(std::move(site));
    contents.sites.push_back(std::move(source));
}

}  // namespace

bool has_native_marker(const hdf5::File& file, const std::string& path) {
    const hdf5::Where where{path, "/"};
    const hdf5::Group root = hdf5::open_group(file.id(), "/", where);
    // Read leniently: a user's own file may carry a `format` attribute of another kind. Only
    // that one attribute: the root of any file may carry millions.
    return hdf5::scalar_attribute(root.id(), "format", where) == AttributeValue(kFormatName);
}

DumpContents open_native_layout(hdf5::File file, const std::string& path) {
    const hdf5::Where where{path, "/"};
    DumpContents contents{std::move(file), {}, {}};
    contents.info.path = path;
    contents.info.layout = Layout::Native;
    require_supported_version(hdf5::open_group(contents.file.id(), "/", where), where);
    if (hdf5::is_group(contents.file.id(), "/model", where)) {
        const hdf5::Group model = hdf5::open_group(contents.file.id(), "/model", where);
        contents.info.model = hdf5::read_attributes(model.id(), {path, "/model"});
    }
    for (const std::string& key : site_keys(contents.file, where)) add_site(contents, key, where);
    return contents;
}

}  // namespace lngeom::detail
