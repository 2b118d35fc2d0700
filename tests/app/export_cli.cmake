# `lngeom export` and `lngeom figures` end to end on the sample dumps, run with DISPLAY unset so
# every run starts (and stops) its private Xvfb. PDFs are rendered and read with poppler-utils.
foreach(suite test_export_cli test_export_charts test_export_projection test_export_step
              test_figures_cli test_recipe_cli test_vector_cli)
    lngeom_add_qtest(NAME ${suite} LABEL app
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp ${CMAKE_CURRENT_LIST_DIR}/export_runs.h
                ${CMAKE_CURRENT_LIST_DIR}/dumps_without_tokens.h
                ${CMAKE_CURRENT_LIST_DIR}/export_fixture.h
        LIBS lngeom_widget_test_support Qt6::Gui)
    target_compile_definitions(${suite} PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>")
    add_dependencies(${suite} lngeom)
endforeach()

# The figures over depth (norm growth, massive activations) also draw the dumps shaped like real
# models' and the planted massive activations.
lngeom_add_qtest(NAME test_export_depth LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export_depth.cpp ${CMAKE_CURRENT_LIST_DIR}/export_runs.h
            ${CMAKE_CURRENT_LIST_DIR}/export_fixture.h
    LIBS lngeom_widget_test_support Qt6::Gui FIXTURES figure_dumps core_analysis)
target_compile_definitions(test_export_depth PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>")
add_dependencies(test_export_depth lngeom)

# The input–output curve and the γ-ellipsoid as figures, on the sample, a dump shaped like a real
# model's and the constructed dumps of the analysis tests.
lngeom_add_qtest(NAME test_export_analysis LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_export_analysis.cpp
            ${CMAKE_CURRENT_LIST_DIR}/export_runs.h ${CMAKE_CURRENT_LIST_DIR}/export_fixture.h
    LIBS lngeom_widget_test_support Qt6::Gui FIXTURES figure_dumps core_analysis)
target_compile_definitions(test_export_analysis PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>")
add_dependencies(test_export_analysis lngeom)
