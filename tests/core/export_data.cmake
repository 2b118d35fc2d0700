# Data export: the atomic file writer and the per-token metrics CSV (no display).
lngeom_add_qtest(NAME test_export_data LABEL core
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export_data.cpp
    LIBS lngeom_core Qt6::Core)
