# Dumps written in shards under a master of virtual datasets (core/io/hdf5/hdf5_virtual.cpp):
# shards and damaged masters written by tools/lngeom_shards.py and h5py, then the QtTest suite.
add_test(NAME core_vds_fixtures
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_vds_fixtures.py
            ${PROJECT_BINARY_DIR}/test-output/vds-fixtures)
set_tests_properties(core_vds_fixtures PROPERTIES FIXTURES_SETUP core_vds LABELS core)

lngeom_add_qtest(NAME test_virtual_dumps LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_virtual_dumps.cpp ${CMAKE_CURRENT_LIST_DIR}/test_error_checks.h
    LIBS lngeom_core Qt6::Core FIXTURES core_vds)
