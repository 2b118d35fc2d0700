# The private Xvfb of the batch mode: started with DISPLAY unset, stopped afterwards,
# one clear line when Xvfb is missing. Needs the xvfb package, not a display.
lngeom_add_qtest(NAME test_export_private_display LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export_private_display.cpp
            ${PROJECT_SOURCE_DIR}/app/cli/private_display.cpp
    LIBS lngeom_widgets Qt6::Core)
