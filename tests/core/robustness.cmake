# Robustness: the hostile-input corpus, written by tests/data/make_bad_corpus.py with
# h5py, then the QtTest suites that open it, check the read-only guarantee and interrupt passes.
add_test(NAME core_bad_corpus
    COMMAND ${LNGEOM_PYTHON} ${PROJECT_SOURCE_DIR}/tests/data/make_bad_corpus.py
            ${PROJECT_BINARY_DIR}/test-output/bad-corpus)
set_tests_properties(core_bad_corpus PROPERTIES FIXTURES_SETUP core_bad LABELS core)

lngeom_add_qtest(NAME test_bad_corpus LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_bad_corpus.cpp ${CMAKE_CURRENT_LIST_DIR}/test_bad_corpus.h
            ${CMAKE_CURRENT_LIST_DIR}/test_error_checks.h
    LIBS lngeom_core FIXTURES core_bad)
# A FIFO that a regression lets a read block on must fail the test, not stall CI.
set_tests_properties(test_bad_corpus PROPERTIES TIMEOUT 120)

lngeom_add_qtest(NAME test_pass_interruption LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pass_interruption.cpp
    LIBS lngeom_core Qt6::Core FIXTURES core_bad core_metrics)

# Every fixture of every suite, before and after everything lngeom does with a file.
lngeom_add_qtest(NAME test_read_only LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_read_only.cpp
    LIBS lngeom_core lngeom_dump_pipeline FIXTURES core_bad core_io core_metrics)
set_tests_properties(test_read_only PROPERTIES TIMEOUT 300)

# Containment of libhdf5's crashes and hangs: the child process runner, and lngeom-probe on
# every known crasher and on the whole corpus.
lngeom_add_qtest(NAME test_child_process LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_child_process.cpp
    LIBS lngeom_core)
lngeom_add_qtest(NAME test_contained_open LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_contained_open.cpp
            ${CMAKE_CURRENT_LIST_DIR}/test_error_checks.h
    LIBS lngeom_core FIXTURES core_bad core_io)
set_tests_properties(test_contained_open PROPERTIES TIMEOUT 300)
