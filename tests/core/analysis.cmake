# The analyses beyond the paper (core/analysis): the γ-ellipsoid, massive activations, the
# LayerNorm input–output curve, norm growth and folded-LayerNorm dumps, against float64 numpy and
# torch answers written by make_analysis_fixtures.py.
add_test(NAME core_analysis_fixtures
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_analysis_fixtures.py
            ${PROJECT_BINARY_DIR}/test-output/analysis-fixtures)
set_tests_properties(core_analysis_fixtures PROPERTIES FIXTURES_SETUP core_analysis LABELS core)

foreach(suite test_gamma_ellipsoid test_ellipsoid_picture test_massive_activations test_io_curve
        test_io_curve_colouring test_norm_growth
        test_depth_curves
        test_folded_layer_norm)
    lngeom_add_qtest(NAME ${suite} LABEL core
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp
                ${CMAKE_CURRENT_LIST_DIR}/test_analysis_fixtures.h
        LIBS lngeom_core Qt6::Core FIXTURES core_analysis)
endforeach()
