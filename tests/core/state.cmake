# The mergeable state (core/state/): the quantile sketch against exact quantiles, and site
# states through the pass, shards and their bytes.
lngeom_add_qtest(NAME test_quantile_sketch LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_quantile_sketch.cpp
    LIBS lngeom_core Qt6::Core)
lngeom_add_qtest(NAME test_site_state LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_site_state.cpp ${CMAKE_CURRENT_LIST_DIR}/test_metric_fixtures.h
    LIBS lngeom_core Qt6::Core FIXTURES core_metrics)
