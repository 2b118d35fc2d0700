# The chart views on the sample dumps: histogram, token table, layer curves, heatmap,
# paper tables, comparison, and the linked selection between them (run under xvfb-run).
foreach(suite test_histogram_view test_token_table test_layer_curves_view
              test_layer_heatmap_view test_paper_tables_view test_comparison_view
              test_linked_selection test_depth_views)
    lngeom_add_qtest(NAME ${suite} LABEL widgets
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp ${CMAKE_CURRENT_LIST_DIR}/sample_documents.h
                ${CMAKE_CURRENT_LIST_DIR}/linked_chart_views.h
        LIBS lngeom_widgets lngeom_widget_test_support)
    vtk_module_autoinit(TARGETS ${suite} MODULES ${VTK_LIBRARIES})
endforeach()

# Benchmarks on a dump of 2^20 tokens (label "benchmark"; they report times, assert none).
add_test(NAME chart_views_million_token_dump
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_million_token_dump.py
            ${PROJECT_BINARY_DIR}/test-output/million-token-dump.h5)
set_tests_properties(chart_views_million_token_dump PROPERTIES
    FIXTURES_SETUP million_token_dump LABELS benchmark)
lngeom_add_qtest(NAME bench_chart_views LABEL benchmark
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_chart_views.cpp
            ${CMAKE_CURRENT_LIST_DIR}/linked_chart_views.h
    LIBS lngeom_widgets FIXTURES million_token_dump)
vtk_module_autoinit(TARGETS bench_chart_views MODULES ${VTK_LIBRARIES})
