/* The floor `lngeom stats` is measured against: the bytes it reads, read with H5Dread and
 * nothing else. For every site of a native dump (/norms/NNN) its input and output, in row
 * blocks aligned to the dataset's chunks (whole chunks, about 8 MiB per read), into one reused
 * buffer.
 *
 * Memory types: the stored type itself, so libhdf5 converts nothing. lngeom reads float32 as
 * float and float64 as double (no conversion either), and float16/bfloat16 as raw 16-bit words it
 * widens itself (libhdf5's soft float16 conversion is far slower than the read); so every
 * dataset is read here in its file type and a 16-bit one's widening counts as lngeom's work.
 *
 * Usage: h5dread_floor DUMP.h5
 * Prints one line of JSON: {"bytes": B, "seconds": S, "datasets": N}. Exit status 1 on any
 * HDF5 error (with its stack on stderr). */
#include <hdf5.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

enum { kTargetBlockBytes = 8 << 20 };

struct Totals {
    uint64_t bytes;
    int datasets;
    int failed;
    void* buffer;
    size_t buffer_bytes;
};

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The memory type that takes the stored bytes as they are: the file's own type (a 16-bit
 * float read as H5T_NATIVE_UINT16 would go through libhdf5's float-to-integer conversion). */
static hid_t memory_type_of(hid_t dataset) { return H5Dget_type(dataset); }

/* Rows per read: whole chunks of rows, about kTargetBlockBytes. */
static hsize_t block_rows(hid_t dataset, hsize_t row_bytes, hsize_t n_rows) {
    hsize_t chunk_rows = 1;
    const hid_t creation = H5Dget_create_plist(dataset);
    if (H5Pget_layout(creation) == H5D_CHUNKED) {
        hsize_t chunk[2] = {1, 1};
        H5Pget_chunk(creation, 2, chunk);
        chunk_rows = chunk[0];
    }
    H5Pclose(creation);
    hsize_t chunks = kTargetBlockBytes / (chunk_rows * row_bytes);
    if (chunks == 0) chunks = 1;
    const hsize_t rows = chunks * chunk_rows;
    return rows < n_rows ? rows : n_rows;
}

static int grow_buffer(struct Totals* totals, size_t bytes) {
    if (bytes <= totals->buffer_bytes) return 0;
    free(totals->buffer);
    totals->buffer = malloc(bytes);
    totals->buffer_bytes = totals->buffer ? bytes : 0;
    return totals->buffer ? 0 : -1;
}

/* Reads every row of a (n_tokens, d) dataset; -1 on error. */
static int read_dataset(hid_t dataset, struct Totals* totals) {
    const hid_t memory_type = memory_type_of(dataset);
    const hid_t file_space = H5Dget_space(dataset);
    hsize_t shape[2] = {0, 0};
    if (memory_type < 0 || H5Sget_simple_extent_ndims(file_space) != 2) return -1;
    H5Sget_simple_extent_dims(file_space, shape, NULL);
    const hsize_t row_bytes = shape[1] * H5Tget_size(memory_type);
    const hsize_t rows = block_rows(dataset, row_bytes, shape[0]);
    if (grow_buffer(totals, (size_t)(rows * row_bytes)) < 0) return -1;
    int status = 0;
    for (hsize_t first = 0; first < shape[0] && status >= 0; first += rows) {
        const hsize_t start[2] = {first, 0};
        const hsize_t count[2] = {first + rows <= shape[0] ? rows : shape[0] - first, shape[1]};
        const hid_t memory_space = H5Screate_simple(2, count, NULL);
        H5Sselect_hyperslab(file_space, H5S_SELECT_SET, start, NULL, count, NULL);
        status =
            H5Dread(dataset, memory_type, memory_space, file_space, H5P_DEFAULT, totals->buffer);
        H5Sclose(memory_space);
        totals->bytes += count[0] * row_bytes;
    }
    H5Sclose(file_space);
    H5Tclose(memory_type);
    totals->datasets += 1;
    return status < 0 ? -1 : 0;
}

static herr_t read_site(hid_t norms, const char* name, const H5L_info_t* info, void* data) {
    (void)info;
    struct Totals* totals = data;
    static const char* const kStreams[] = {"input", "output"};
    for (int stream = 0; stream < 2; ++stream) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", name, kStreams[stream]);
        if (H5Lexists(norms, path, H5P_DEFAULT) <= 0) continue;
        const hid_t dataset = H5Dopen2(norms, path, H5P_DEFAULT);
        if (dataset < 0 || read_dataset(dataset, totals) < 0) {
            fprintf(stderr, "h5dread_floor: cannot read /norms/%s\n", path);
            totals->failed = 1;
        }
        if (dataset >= 0) H5Dclose(dataset);
        if (totals->failed) return -1;
    }
    return 0;
}

int main(int argc, char* argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: h5dread_floor DUMP.h5\n");
        return 2;
    }
    const double start = now_seconds();
    const hid_t file = H5Fopen(argv[1], H5F_ACC_RDONLY, H5P_DEFAULT);
    const hid_t norms = file < 0 ? H5I_INVALID_HID : H5Gopen2(file, "/norms", H5P_DEFAULT);
    if (norms < 0) {
        fprintf(stderr, "h5dread_floor: %s: no /norms group (a native lngeom dump?)\n", argv[1]);
        return 1;
    }
    struct Totals totals = {0, 0, 0, NULL, 0};
    hsize_t index = 0;
    H5Literate(norms, H5_INDEX_NAME, H5_ITER_INC, &index, read_site, &totals);
    H5Gclose(norms);
    H5Fclose(file);
    free(totals.buffer);
    if (totals.failed) return 1;
    printf("{\"bytes\": %llu, \"seconds\": %.6f, \"datasets\": %d}\n",
           (unsigned long long)totals.bytes, now_seconds() - start, totals.datasets);
    return 0;
}
