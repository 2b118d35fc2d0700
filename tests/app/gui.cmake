# The desktop application: the real window run as a process (needs an X server).
lngeom_add_qtest(NAME test_gui_app LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_gui_app.cpp
    LIBS lngeom_widget_test_support Qt6::Gui)
target_compile_definitions(test_gui_app PRIVATE LNGEOM_EXECUTABLE="$<TARGET_FILE:lngeom>")
add_dependencies(test_gui_app lngeom)
