# Data the chart and table views show, computed in core without a display: brushed ranges,
# re-binning, per-site curves, heatmap rows, selection statistics, site alignment, table rows,
# tokens chosen to stand for a site, chart text fitting and ticks.
foreach(suite test_chart_data test_chart_text test_token_order test_token_choice)
    lngeom_add_qtest(NAME ${suite} LABEL core
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp
        LIBS lngeom_core Qt6::Core)
endforeach()
