# The typed JSON reader figure recipes and sessions share: fallbacks, key paths, refusals.
lngeom_add_qtest(NAME test_json_reader LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_json_reader.cpp
    LIBS lngeom_widgets)
