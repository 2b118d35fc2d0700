# Metrics, statistics, the streaming pass and the cache (core/metrics*, token_metrics,
# statistics, stats_report): fixtures written with h5py, torch and numpy, then the QtTest suites.
add_test(NAME core_metric_fixtures
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_metric_fixtures.py
            ${PROJECT_BINARY_DIR}/test-output/metric-fixtures)
set_tests_properties(core_metric_fixtures PROPERTIES FIXTURES_SETUP core_metrics LABELS core)

foreach(suite test_metrics_kernel test_statistics test_metrics_pass test_stats_report test_metrics_cache)
    lngeom_add_qtest(NAME ${suite} LABEL core
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp ${CMAKE_CURRENT_LIST_DIR}/test_metric_fixtures.h
        LIBS lngeom_core Qt6::Core FIXTURES core_metrics)
endforeach()
