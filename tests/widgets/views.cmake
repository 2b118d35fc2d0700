# The Qt 6 ↔ VTK view adapter, the chart view and the pieces the views use (most need an X
# server: run under xvfb-run).
add_library(lngeom_widget_test_support STATIC ${CMAKE_CURRENT_LIST_DIR}/image_checks.cpp)
target_link_libraries(lngeom_widget_test_support PUBLIC Qt6::Gui)
target_include_directories(lngeom_widget_test_support PUBLIC ${PROJECT_SOURCE_DIR})
target_compile_definitions(lngeom_widget_test_support
    PRIVATE LNGEOM_TEST_OUTPUT_DIR="${PROJECT_BINARY_DIR}/test-output")

lngeom_add_qtest(NAME test_vtk_view_widget LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vtk_view_widget.cpp
    LIBS lngeom_widgets lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_vtk_view_widget MODULES ${VTK_LIBRARIES})

lngeom_add_qtest(NAME test_chart_view LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_chart_view.cpp
    LIBS lngeom_widgets lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_chart_view MODULES ${VTK_LIBRARIES})

add_test(NAME test_vtk_view_widget_hidpi COMMAND test_vtk_view_widget
    rendersAtDevicePixelRatio doubleClickArrivesAsRepeatedPress)
set_tests_properties(test_vtk_view_widget_hidpi PROPERTIES
    LABELS widgets ENVIRONMENT "QT_SCALE_FACTOR=2")

lngeom_add_qtest(NAME test_vtk_view_context LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_vtk_view_context.cpp
    LIBS lngeom_widgets lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_vtk_view_context MODULES ${VTK_LIBRARIES})

lngeom_add_qtest(NAME test_library_versions LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_library_versions.cpp
    LIBS lngeom_widgets HDF5::HDF5)
