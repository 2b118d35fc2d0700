# `lngeom stats` end to end: the binary run on the metrics fixtures (tests/core/metrics.cmake).
lngeom_add_qtest(NAME test_stats_cli LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_stats_cli.cpp
            ${CMAKE_CURRENT_LIST_DIR}/dumps_without_tokens.h
            ${PROJECT_SOURCE_DIR}/tests/core/test_metric_fixtures.h
            ${CMAKE_CURRENT_LIST_DIR}/known_crasher_rows.h
    LIBS Qt6::Core FIXTURES core_metrics)
target_compile_definitions(test_stats_cli PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>")
target_include_directories(test_stats_cli PRIVATE ${PROJECT_SOURCE_DIR})
add_dependencies(test_stats_cli lngeom)

# What `lngeom stats` reports beyond the metrics, on the analysis fixtures (tests/core/analysis.cmake).
lngeom_add_qtest(NAME test_stats_findings_cli LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_stats_findings_cli.cpp
            ${CMAKE_CURRENT_LIST_DIR}/export_runs.h
            ${PROJECT_SOURCE_DIR}/tests/core/test_analysis_fixtures.h
    LIBS lngeom_core Qt6::Core FIXTURES core_analysis)
target_compile_definitions(test_stats_findings_cli PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>"
    LNGEOM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
target_include_directories(test_stats_findings_cli PRIVATE ${PROJECT_SOURCE_DIR})
add_dependencies(test_stats_findings_cli lngeom)
