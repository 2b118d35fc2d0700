# The in-app export actions of issue 7 (Export Figure…, Export Data) on the sample dump's views
# (needs an X server: run under xvfb-run).
lngeom_add_qtest(NAME test_export_reactions LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export_reactions.cpp
            ${PROJECT_SOURCE_DIR}/app/reactions/export_figure_reaction.cpp
            ${PROJECT_SOURCE_DIR}/app/reactions/export_data_reaction.cpp
    LIBS lngeom_widgets lngeom_widget_test_support)
target_include_directories(test_export_reactions PRIVATE ${PROJECT_SOURCE_DIR})
vtk_module_autoinit(TARGETS test_export_reactions MODULES ${VTK_LIBRARIES})
