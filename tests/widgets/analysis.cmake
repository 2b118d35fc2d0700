# The views of the analyses beyond the paper (widgets/ellipsoid, …) on the sample dumps and on
# the dump with planted massive activations that make_analysis_fixtures.py writes (need an X
# server: run under xvfb-run). Images of each check are saved to test-output/ for looking at.
lngeom_add_qtest(NAME test_ellipsoid_view LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_ellipsoid_view.cpp
            ${CMAKE_CURRENT_LIST_DIR}/scene_points.h
    LIBS lngeom_widgets lngeom_widget_test_support
    FIXTURES core_analysis)
vtk_module_autoinit(TARGETS test_ellipsoid_view MODULES ${VTK_LIBRARIES})

lngeom_add_qtest(NAME test_massive_selection LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_massive_selection.cpp
            ${CMAKE_CURRENT_LIST_DIR}/sample_documents.h
    LIBS lngeom_widgets lngeom_widget_test_support
    FIXTURES core_analysis)
vtk_module_autoinit(TARGETS test_massive_selection MODULES ${VTK_LIBRARIES})

lngeom_add_qtest(NAME test_io_curve_colouring_view LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_io_curve_colouring_view.cpp
            ${CMAKE_CURRENT_LIST_DIR}/sample_documents.h
    LIBS lngeom_widgets lngeom_widget_test_support
    FIXTURES core_analysis)
vtk_module_autoinit(TARGETS test_io_curve_colouring_view MODULES ${VTK_LIBRARIES})
