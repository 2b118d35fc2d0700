# Robustness (issue 9): the hostile-input corpus, written by tests/data/make_bad_corpus.py with
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
