# The README's two commands: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_ARGS ?=

.PHONY: all setup configure build run test bench clean

all: build

setup:
	@tools/install-deps.sh

configure: setup
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS) > /dev/null

build: configure
	@cmake --build $(BUILD_DIR)

run: build
	@$(BUILD_DIR)/app/lngeom $(ARGS)

test: build
	@tools/run-tests.sh $(BUILD_DIR)

bench: build
	@/usr/bin/python3 tests/benchmarks/bench_stats.py --lngeom $(BUILD_DIR)/app/lngeom

clean:
	rm -rf $(BUILD_DIR)
