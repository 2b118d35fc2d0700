# The README's two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_ARGS ?=
SANITIZE_DIR ?= build-asan
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all setup configure build run test test-sanitize fuzz bench bench-floor clean

all: build

setup:
	@tools/install-deps.sh

configure: setup
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR)

run: build
	@$(BUILD_DIR)/app/lngeom $(ARGS)

# Benchmarks (CTest label "benchmark") report and assert nothing: `make bench` runs them.
test: build
	@tools/run-tests.sh $(BUILD_DIR) -LE benchmark

# Core and widget tests built with ASan + UBSan (tests/sanitizers/).
test-sanitize: setup
	@tests/sanitizers/run-sanitized-tests.sh $(SANITIZE_DIR)

# The libFuzzer target for FUZZ_SECONDS (tests/fuzz/; FUZZ_SEED=0 for a fresh random seed).
fuzz: setup
	@tests/fuzz/run-fuzzer.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

bench: build
	@tools/run-tests.sh $(BUILD_DIR) -L benchmark
	@/usr/bin/python3 tests/benchmarks/bench_stats.py --lngeom $(BUILD_DIR)/app/lngeom

# lngeom stats against H5Dread of the same bytes, and lngeom-mpi np 1 against np 2, on 4 GiB.
bench-floor: build
	@/usr/bin/python3 tests/benchmarks/bench_floor.py --lngeom $(BUILD_DIR)/app/lngeom \
		--floor $(BUILD_DIR)/tests/benchmarks/h5dread_floor \
		$(if $(wildcard $(BUILD_DIR)/app/lngeom-mpi),--mpi $(BUILD_DIR)/app/lngeom-mpi)

clean:
	rm -rf $(BUILD_DIR)
