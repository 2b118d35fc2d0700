# `lngeom export` and `lngeom figures` end to end on the sample dumps, run with DISPLAY unset so
# every run starts (and stops) its private Xvfb. PDFs are rendered and read with poppler-utils.
foreach(suite test_export_cli test_export_charts test_export_projection test_export_step
              test_figures_cli test_recipe_cli test_vector_cli)
    lngeom_add_qtest(NAME ${suite} LABEL app
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp ${CMAKE_CURRENT_LIST_DIR}/export_runs.h
                ${CMAKE_CURRENT_LIST_DIR}/export_fixture.h
        LIBS lngeom_widget_test_support Qt6::Gui)
    target_compile_definitions(${suite} PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>")
    add_dependencies(${suite} lngeom)
endforeach()
