# Chart data the views draw, computed in core without a display: brushed ranges, re-binning,
# per-site curves, heatmap rows, selection statistics and site alignment.
lngeom_add_qtest(NAME test_chart_data LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_chart_data.cpp
    LIBS lngeom_core Qt6::Core)
