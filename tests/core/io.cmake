# Dump reader (core/io/dump.cpp, core/io/hdf5/): fixtures written by h5py, then the QtTest suites.
add_test(NAME core_io_fixtures
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_io_fixtures.py
            ${PROJECT_BINARY_DIR}/test-output/io-fixtures)
set_tests_properties(core_io_fixtures PROPERTIES FIXTURES_SETUP core_io LABELS core)

foreach(suite test_dump_values test_dump_errors test_dump_metadata)
    lngeom_add_qtest(NAME ${suite} LABEL core
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp ${CMAKE_CURRENT_LIST_DIR}/test_dump_fixtures.h
        LIBS lngeom_core FIXTURES core_io)
endforeach()

# Tests the internal HDF5 wrapper directly, so it also sees HDF5's headers.
lngeom_add_qtest(NAME test_dump_hdf5_layer LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dump_hdf5_layer.cpp
    LIBS lngeom_core HDF5::HDF5 FIXTURES core_io)

# Dumps opened from memory, as the fuzzer opens its inputs.
lngeom_add_qtest(NAME test_memory_file LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_memory_file.cpp
            ${CMAKE_CURRENT_LIST_DIR}/test_error_checks.h
    LIBS lngeom_core)

# Gzip-compressed datasets decoded chunk by chunk by lngeom itself (core/io/hdf5/
# hdf5_chunked_read.cpp): every layout compared with libhdf5's own reading, and damaged chunks.
add_test(NAME core_chunk_fixtures
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_chunk_fixtures.py
            ${PROJECT_BINARY_DIR}/test-output/chunk-fixtures)
set_tests_properties(core_chunk_fixtures PROPERTIES FIXTURES_SETUP core_chunks LABELS core)
lngeom_add_qtest(NAME test_chunked_read LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_chunked_read.cpp
            ${CMAKE_CURRENT_LIST_DIR}/test_error_checks.h
    LIBS lngeom_core HDF5::HDF5 FIXTURES core_chunks)
