#pragma once
// Read-only access to an activation dump (docs/FORMAT.md): the native layout v1
// and the generic layouts ((n_tokens, d) or (n_layers, n_tokens, d) float datasets). Vectors are
// read in row blocks, never a whole dataset at once.

#include <Eigen/Core>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace lngeom {

using Index = Eigen::Index;
// A norm site's position in DumpInfo::sites (forward order), the one site index from core to
// the window. Unsigned like the vector it indexes, so it indexes without a cast; "no site" is
// std::optional<SiteIndex>, never a negative sentinel. Qt's int APIs (combo box index, model
// row) convert at the call.
using SiteIndex = std::size_t;

// Row-major blocks: one token per row ("n_rows × d").
using RowMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixD = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// An attribute value as stored in the file (string, integer or floating point).
using AttributeValue = std::variant<std::string, std::int64_t, double>;
using AttributeMap = std::map<std::string, AttributeValue>;

enum class StoredType { Float16, BFloat16, Float32, Float64 };
enum class Layout { Native, Generic2D, Generic3D };
enum class NormKind { LayerNorm, RmsNorm, Unknown };
// How gamma enters the output: gamma ⊙ y (PyTorch, Llama) or (1 + gamma) ⊙ y (Gemma).
enum class GammaConvention { Weight, OnePlusWeight };
enum class Stream { Input, Output };

struct SiteInfo {
    std::string key;     // "000", "001", ... in forward order
    std::string module;  // e.g. "transformer.h.3.ln_1"; the dataset path for generic layouts
    NormKind kind = NormKind::Unknown;
    int layer = -1;    // -1 when unknown
    std::string site;  // "ln1" | "ln2" | "final" | ... ; empty when unknown
    // Where the norm sits (native dumps; empty or -1 when not recorded): its stack ("encoder" |
    // "decoder"), its role in the block ("pre-attention" | "pre-cross-attention" | "pre-mlp" |
    // "post-attention" | ... | "inside-attention" | "embedding" | "final"), which call of a
    // module run several times per forward, and which head (QK-norm) or other slot along an
    // axis beyond (batch, sequence) the site holds.
    std::string stack;
    std::string role;
    int call = -1;
    int head = -1;
    int slot = -1;
    double eps = 1e-5;  // the module's eps; 1e-5 (PyTorch's default) when absent
    bool has_eps = false;
    Index d = 0;
    Index n_tokens = 0;
    StoredType input_type = StoredType::Float32;
    bool has_output = false;
    StoredType output_type = StoredType::Float32;  // meaningful when has_output
    bool has_gamma = false;
    bool has_beta = false;
    GammaConvention gamma_convention = GammaConvention::Weight;
};

struct DumpInfo {
    std::string path;
    Layout layout = Layout::Native;
    AttributeMap model;  // /model attributes (native), empty for generic layouts
    std::vector<SiteInfo> sites;
    Index n_tokens = 0;  // tokens of the first site (all sites share it in native dumps)
    bool has_tokens = false;
    bool has_sequence = false;
    bool has_position = false;
    // A master file's shards (HDF5 virtual datasets over files beside it) that the sites' vectors
    // come from, sorted; empty for a dump stored in one file.
    std::vector<std::string> shard_files;
};

// A float dataset a generic file offers, for the dataset picker.
struct DatasetCandidate {
    std::string path;
    std::vector<Index> shape;
    StoredType type = StoredType::Float32;
};

// A block of rows as read: float for float16/bfloat16/float32 storage, double for float64,
// so the metrics kernel accumulates in double without a widening copy.
struct RowBlock {
    Index first_row = 0;
    std::variant<RowMatrixF, RowMatrixD> rows;
    Index n_rows() const;
};

// "float16", "bfloat16", "float32" or "float64".
const char* stored_type_name(StoredType type);

class Dump {
  public:
    // Opens read-only. `dataset` selects one generic dataset; empty means: the native layout if
    // the file has it, else the only candidate dataset, else SeveralDatasetsError listing the
    // candidates (FormatError when there is none).
    static Dump open(const std::string& path, const std::string& dataset = "");
    // Float datasets of rank 2 or 3 in any HDF5 file, for the dataset picker.
    static std::vector<DatasetCandidate> list_datasets(const std::string& path);

    Dump(Dump&&) noexcept;
    Dump& operator=(Dump&&) noexcept;
    ~Dump();

    const DumpInfo& info() const;
    // Every dataset the dump reads values from (each site's input, output, gamma and beta, the
    // token columns), each once, in the order they were opened.
    std::vector<std::string> datasets() const;

    // Rows [first, first + count) of a site's input or output (count × d); RequestError when
    // they would take more than 1 GiB.
    void read_rows(SiteIndex site, Stream stream, Index first, Index count, RowBlock& out) const;
    // One row (d) in double: the vector of a single token a view inspects.
    Eigen::VectorXd read_vector(SiteIndex site, Stream stream, Index row) const;
    // Rows per block that align with the dataset's chunks and stay within `max_bytes` per block.
    // Bytes count the rows as returned (4 per value, 8 for float64 storage); the result is at
    // least one chunk's rows (1 row when contiguous), at most the site's n_tokens and at most
    // 1 GiB of rows. RequestError when a single row alone exceeds 1 GiB.
    Index block_rows(SiteIndex site, std::size_t max_bytes) const;
    // gamma and beta (d), in double; nullopt where the site has none.
    std::optional<Eigen::VectorXd> read_gamma(SiteIndex site) const;
    std::optional<Eigen::VectorXd> read_beta(SiteIndex site) const;

    std::vector<std::string> read_tokens(Index first, Index count) const;
    std::vector<std::int32_t> read_sequence(Index first, Index count) const;
    std::vector<std::int32_t> read_position(Index first, Index count) const;

  private:
    struct Impl;
    explicit Dump(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace lngeom
