# Fuzzing. The pipeline every fuzz input runs through is a library, so a QtTest
# replays it over the corpus and over every input the fuzzer found (regressions/). With
# LNGEOM_FUZZ=ON and clang, the libFuzzer target itself (`make fuzz`, tests/fuzz/run-fuzzer.sh).
add_library(lngeom_dump_pipeline STATIC ${CMAKE_CURRENT_LIST_DIR}/dump_pipeline.cpp
    ${CMAKE_CURRENT_LIST_DIR}/guarded_memory_driver.cpp
    ${CMAKE_CURRENT_LIST_DIR}/global_heap_walk.cpp)
target_link_libraries(lngeom_dump_pipeline PUBLIC lngeom_core PRIVATE HDF5::HDF5)
target_include_directories(lngeom_dump_pipeline PUBLIC ${PROJECT_SOURCE_DIR})

# The seed corpus: small valid dumps in every layout, element type and file-format version.
add_test(NAME core_fuzz_seeds
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_seeds.py
            ${PROJECT_BINARY_DIR}/test-output/fuzz-seeds)
set_tests_properties(core_fuzz_seeds PROPERTIES FIXTURES_SETUP core_fuzz_seeds LABELS core)

lngeom_add_qtest(NAME test_fuzz_regressions LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_fuzz_regressions.cpp
    LIBS lngeom_dump_pipeline FIXTURES core_bad core_io core_fuzz_seeds)
set_tests_properties(test_fuzz_regressions PROPERTIES TIMEOUT 300)

# How `make fuzz` tells lngeom's findings from libhdf5's: the stack frame its classifier picks.
add_test(NAME fuzz_classify_findings
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/test_classify_findings.py)
set_tests_properties(fuzz_classify_findings PROPERTIES LABELS core)

option(LNGEOM_FUZZ "Build the libFuzzer target fuzz_dump (needs clang)" OFF)
if(LNGEOM_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "LNGEOM_FUZZ needs clang (CMAKE_CXX_COMPILER=clang++): libFuzzer "
                            "is part of clang")
    endif()
    add_executable(fuzz_dump ${CMAKE_CURRENT_LIST_DIR}/fuzz_dump.cpp)
    add_dependencies(fuzz_dump lngeom-probe)
    target_link_libraries(fuzz_dump PRIVATE lngeom_dump_pipeline)
    target_compile_options(fuzz_dump PRIVATE -fsanitize=fuzzer)
    target_link_options(fuzz_dump PRIVATE -fsanitize=fuzzer)
endif()
