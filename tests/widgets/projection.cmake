# The 3D projection view and the step-through panel on the sample dumps (need an X server: run
# under xvfb-run). Images of each check are saved to test-output/ for looking at.
lngeom_add_qtest(NAME test_projection_view LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_projection_view.cpp
    LIBS lngeom_widgets lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_projection_view MODULES ${VTK_LIBRARIES})

lngeom_add_qtest(NAME test_step_through_panel LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_step_through_panel.cpp
            ${CMAKE_CURRENT_LIST_DIR}/sample_documents.h
    LIBS lngeom_widgets lngeom_widget_test_support
    FIXTURES core_metrics)  # a zero and a constant token
vtk_module_autoinit(TARGETS test_step_through_panel MODULES ${VTK_LIBRARIES})

# Not a test: frames per second of 1M points while the camera moves (run it under xvfb-run).
find_package(benchmark QUIET)
if(benchmark_FOUND)
    add_executable(bench_projection_fps ${PROJECT_SOURCE_DIR}/tests/benchmarks/bench_projection_fps.cpp)
    target_link_libraries(bench_projection_fps PRIVATE lngeom_widgets benchmark::benchmark)
    vtk_module_autoinit(TARGETS bench_projection_fps MODULES ${VTK_LIBRARIES})
endif()

lngeom_add_qtest(NAME test_still_frame_budget LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_still_frame_budget.cpp
    LIBS lngeom_widgets lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_still_frame_budget MODULES ${VTK_LIBRARIES})
