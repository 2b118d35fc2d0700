# The in-app export actions (Export Figure…, Export Data) on the sample dump's views,
# and what they report in the Messages panel (needs an X server: run under xvfb-run).
lngeom_add_qtest(NAME test_export_reactions LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export_reactions.cpp
    LIBS lngeom_app lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_export_reactions MODULES ${VTK_LIBRARIES})
