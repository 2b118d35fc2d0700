# The figure layer without the binary: recipes (JSON round trip and refusals), text in the views
# and in figures (glyphs, PDF text, transparency, fitting), and figures of dumps shaped like real
# models' (very long names, 129 sites, ‖x‖ from 0.05·√d to 100·√d) laid out at every size with
# every text box inside the picture and none overlapping another.
lngeom_add_qtest(NAME test_figure_recipe LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_figure_recipe.cpp
    LIBS lngeom_widgets)

lngeom_add_qtest(NAME test_figure_text LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_figure_text.cpp
            ${CMAKE_CURRENT_LIST_DIR}/sample_documents.h
    LIBS lngeom_widgets lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_figure_text MODULES ${VTK_LIBRARIES})

# Dumps shaped like real models' (tests/widgets/make_figure_dumps.py), written once per run.
add_test(NAME figure_dumps
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_figure_dumps.py
            ${PROJECT_BINARY_DIR}/test-output/figure-dumps)
set_tests_properties(figure_dumps PROPERTIES FIXTURES_SETUP figure_dumps LABELS widgets)

add_library(lngeom_figure_test_support STATIC ${CMAKE_CURRENT_LIST_DIR}/svg_text_boxes.cpp)
target_link_libraries(lngeom_figure_test_support PUBLIC lngeom_widgets Qt6::Gui)
target_include_directories(lngeom_figure_test_support PUBLIC ${PROJECT_SOURCE_DIR})

lngeom_add_qtest(NAME test_figure_layout LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_figure_layout.cpp
            ${CMAKE_CURRENT_LIST_DIR}/sample_documents.h
    LIBS lngeom_widgets lngeom_figure_test_support FIXTURES figure_dumps)
vtk_module_autoinit(TARGETS test_figure_layout MODULES ${VTK_LIBRARIES})
