#include "core/cache/metrics_cache.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/errors.h"

namespace lngeom {

namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'L', 'N', 'G', 'E', 'O', 'M', 'M', 'C'};
constexpr char kCompleteMarker[8] = {'L', 'N', 'G', 'E', 'O', 'M', 'O', 'K'};
constexpr std::size_t kFooterBytes = 32;  // index offset, index length, checksum, marker
constexpr std::size_t kIdentityHashBytes = 64 << 10;

std::uint64_t fnv1a(const void* data, std::size_t bytes,
                    std::uint64_t hash = 0xcbf29ce484222325ull) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) hash = (hash ^ p[i]) * 0x100000001b3ull;
    return hash;
}

std::string hex(std::uint64_t value) {
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
    return text;
}

template <typename T>
void append(std::string& bytes, const T& value) {
    bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads fixed-size values from a byte string; any read past its end throws, which the caller
// turns into "not a usable cache".
class ByteReader {
  public:
    explicit ByteReader(const std::string& bytes) : bytes_(bytes) {}
    template <typename T>
    T next() {
        T value;
        if (position_ + sizeof value > bytes_.size()) throw std::out_of_range("cache index");
        std::memcpy(&value, bytes_.data() + position_, sizeof value);
        position_ += sizeof value;
        return value;
    }
    bool at_end() const { return position_ == bytes_.size(); }

  private:
    const std::string& bytes_;
    std::size_t position_ = 0;
};

void append_summary(std::string& bytes, const SiteSummary& summary) {
    append<std::int64_t>(bytes, summary.n_tokens);
    for (Index count : {summary.n_invalid, summary.n_non_finite, summary.n_zero, summary.n_constant,
                        summary.n_invalid_output})
        append<std::int64_t>(bytes, count);
    append<std::uint32_t>(bytes, std::uint32_t(summary.metrics.size()));
    for (const Summary& m : summary.metrics) {
        append(bytes, m.count);
        for (double value : {m.mean, m.std, m.min, m.max, m.p01, m.p50, m.p99})
            append(bytes, value);
    }
}

SiteSummary next_summary(ByteReader& reader) {
    SiteSummary summary;
    summary.n_tokens = reader.next<std::int64_t>();
    for (Index* count : {&summary.n_invalid, &summary.n_non_finite, &summary.n_zero,
                         &summary.n_constant, &summary.n_invalid_output})
        *count = reader.next<std::int64_t>();
    const auto n_metrics = reader.next<std::uint32_t>();
    if (n_metrics > 64) throw std::out_of_range("cache index");
    for (std::uint32_t m = 0; m < n_metrics; ++m) {
        Summary s;
        s.count = reader.next<std::int64_t>();
        for (double* value : {&s.mean, &s.std, &s.min, &s.max, &s.p01, &s.p50, &s.p99})
            *value = reader.next<double>();
        summary.metrics.push_back(s);
    }
    return summary;
}

std::string header_bytes(const std::string& identity) {
    std::string bytes(kMagic, sizeof kMagic);
    append(bytes, kMetricsCacheVersion);
    append<std::uint32_t>(bytes, std::uint32_t(identity.size()));
    return bytes + identity;
}

std::string read_range(std::ifstream& in, std::uint64_t offset, std::uint64_t bytes) {
    std::string data(bytes, '\0');
    in.seekg(std::streamoff(offset));
    in.read(data.data(), std::streamsize(bytes));
    if (!in) throw std::out_of_range("cache file");
    return data;
}

std::uint64_t hash_of_range(std::ifstream& in, std::uint64_t offset, std::uint64_t bytes) {
    const std::string data = read_range(in, offset, bytes);
    return fnv1a(data.data(), data.size());
}

MetricsCacheFile parse_cache(std::ifstream& in, const std::string& path, const std::string& header,
                             std::uint64_t size) {
    const std::string footer_bytes = read_range(in, size - kFooterBytes, kFooterBytes);
    ByteReader footer(footer_bytes);
    const auto index_offset = footer.next<std::uint64_t>();
    const auto index_length = footer.next<std::uint64_t>();
    const auto checksum = footer.next<std::uint64_t>();
    if (index_offset + index_length + kFooterBytes != size) throw std::out_of_range("cache index");
    const std::string index = read_range(in, index_offset, index_length);
    if (fnv1a(index.data(), index.size(), fnv1a(header.data(), header.size())) != checksum)
        throw std::out_of_range("cache checksum");
    ByteReader reader(index);
    MetricsCacheFile cache{path, {}};
    const auto n_sites = reader.next<std::uint64_t>();
    for (std::uint64_t s = 0; s < n_sites; ++s) {
        CachedSite site{next_summary(reader), 0, 0, 0};
        site.columns_offset = reader.next<std::uint64_t>();
        site.columns_bytes = reader.next<std::uint64_t>();
        site.columns_checksum = reader.next<std::uint64_t>();
        if (site.columns_offset + site.columns_bytes > index_offset)
            throw std::out_of_range("cache columns");
        cache.sites.push_back(std::move(site));
    }
    if (!reader.at_end()) throw std::out_of_range("cache index");
    return cache;
}

}  // namespace

std::string default_cache_directory() {
    if (const char* own = std::getenv("LNGEOM_CACHE_DIR"); own && *own) return own;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return (fs::path(xdg) / "lngeom").string();
    const char* home = std::getenv("HOME");
    return (fs::path(home && *home ? home : "/tmp") / ".cache" / "lngeom").string();
}

std::string dump_identity(const std::string& dump_path, const std::string& dataset) {
    std::error_code error;
    const fs::path absolute = fs::weakly_canonical(fs::absolute(dump_path), error);
    const std::uintmax_t size = fs::file_size(dump_path, error);
    if (error) throw Error(dump_path, "", "cannot be read for its cache key: " + error.message());
    const auto modified = fs::last_write_time(dump_path, error).time_since_epoch().count();
    std::ifstream in(dump_path, std::ios::binary);
    const std::uint64_t head =
        hash_of_range(in, 0, std::min<std::uintmax_t>(size, kIdentityHashBytes));
    const std::uintmax_t tail_bytes = std::min<std::uintmax_t>(size, kIdentityHashBytes);
    const std::uint64_t tail = hash_of_range(in, size - tail_bytes, tail_bytes);
    return "lngeom metrics cache " + std::to_string(kMetricsCacheVersion) +
           "\npath=" + absolute.string() + "\nsize=" + std::to_string(size) +
           "\nmtime=" + std::to_string(modified) + "\ndataset=" + dataset + "\nhead=" + hex(head) +
           "\ntail=" + hex(tail) + "\n";
}

std::string metrics_cache_path(const std::string& directory, const std::string& dump_path,
                               const std::string& dataset) {
    std::error_code error;
    const std::string key =
        fs::weakly_canonical(fs::absolute(dump_path), error).string() + "\n" + dataset;
    return (fs::path(directory) / (hex(fnv1a(key.data(), key.size())) + ".lngeom-metrics"))
        .string();
}

std::optional<MetricsCacheFile> open_metrics_cache(const std::string& path,
                                                   const std::string& identity) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    const std::string header = header_bytes(identity);
    in.seekg(0, std::ios::end);
    const auto size = std::uint64_t(in.tellg());
    if (size < header.size() + kFooterBytes) return std::nullopt;
    try {
        if (read_range(in, 0, header.size()) != header) return std::nullopt;
        if (read_range(in, size - 8, 8) != std::string(kCompleteMarker, 8)) return std::nullopt;
        return parse_cache(in, path, header, size);
    } catch (const std::out_of_range&) {
        return std::nullopt;
    }
}

SiteColumns read_cached_columns(const MetricsCacheFile& cache, SiteIndex site) {
    const CachedSite& cached = cache.sites.at(site);
    const Index n_tokens = cached.summary.n_tokens,
                n_metrics = Index(cached.summary.metrics.size());
    const std::uint64_t value_bytes = std::uint64_t(n_tokens * n_metrics) * sizeof(float);
    std::ifstream in(cache.path, std::ios::binary);
    std::string bytes;
    try {
        bytes = read_range(in, cached.columns_offset, cached.columns_bytes);
    } catch (const std::out_of_range&) {
        throw FormatError(cache.path, "site " + std::to_string(site),
                          "the cached columns were truncated");
    }
    if (fnv1a(bytes.data(), bytes.size()) != cached.columns_checksum ||
        bytes.size() != value_bytes + std::uint64_t(n_tokens))
        throw FormatError(
            cache.path, "site " + std::to_string(site),
            "the cached columns fail their checksum; delete the cache file to recompute");
    SiteColumns columns{Eigen::MatrixXf(n_tokens, n_metrics),
                        std::vector<std::uint8_t>(size_t(n_tokens))};
    // A site without tokens has empty columns, whose data() may be null: nothing to copy.
    if (n_tokens == 0) return columns;
    std::memcpy(columns.values.data(), bytes.data(), value_bytes);
    std::memcpy(columns.flags.data(), bytes.data() + value_bytes, size_t(n_tokens));
    return columns;
}

MetricsCacheWriter::MetricsCacheWriter(std::string path, const std::string& identity,
                                       std::size_t n_sites)
    : path_(std::move(path)), header_(header_bytes(identity)), sites_(n_sites) {
    static std::atomic<int> serial{0};
    temporary_ = path_ + ".partial-" + std::to_string(::getpid()) + "-" + std::to_string(serial++);
    std::error_code error;
    fs::create_directories(fs::path(path_).parent_path(), error);
    out_.open(temporary_, std::ios::binary | std::ios::trunc);
    if (!out_) failure_ = "cannot create " + temporary_;
    write(header_.data(), header_.size());
}

MetricsCacheWriter::~MetricsCacheWriter() {
    if (committed_) return;
    out_.close();
    std::error_code ignored;
    fs::remove(temporary_, ignored);
}

void MetricsCacheWriter::write(const void* data, std::size_t bytes) {
    if (!failure_.empty()) return;
    out_.write(static_cast<const char*>(data), std::streamsize(bytes));
    if (!out_) failure_ = "writing " + temporary_ + " failed";
    offset_ += bytes;
}

void MetricsCacheWriter::add_site(SiteIndex site, const SiteSummary& summary,
                                  const SiteColumns& columns) {
    const std::size_t value_bytes = std::size_t(columns.values.size()) * sizeof(float);
    CachedSite cached{summary, offset_, value_bytes + columns.flags.size(), 0};
    cached.columns_checksum = fnv1a(columns.flags.data(), columns.flags.size(),
                                    fnv1a(columns.values.data(), value_bytes));
    write(columns.values.data(), value_bytes);
    write(columns.flags.data(), columns.flags.size());
    sites_.at(site) = std::move(cached);
}

std::string MetricsCacheWriter::commit() {
    std::string index;
    append<std::uint64_t>(index, sites_.size());
    for (const std::optional<CachedSite>& site : sites_) {
        if (!site) return "the pass did not complete every site";
        append_summary(index, site->summary);
        for (std::uint64_t value :
             {site->columns_offset, site->columns_bytes, site->columns_checksum})
            append(index, value);
    }
    const std::uint64_t index_offset = offset_;
    write(index.data(), index.size());
    for (std::uint64_t value :
         {index_offset, std::uint64_t(index.size()),
          fnv1a(index.data(), index.size(), fnv1a(header_.data(), header_.size()))})
        write(&value, sizeof value);
    write(kCompleteMarker, sizeof kCompleteMarker);
    out_.close();
    if (!failure_.empty()) return failure_;
    std::error_code error;
    fs::rename(temporary_, path_, error);
    if (error) return "cannot rename " + temporary_ + " to " + path_ + ": " + error.message();
    committed_ = true;
    return {};
}

}  // namespace lngeom
