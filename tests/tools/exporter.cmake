# The PyTorch exporter and the bundled samples: Python unittest suites run by Debian's python3.
# The suites that compare against `lngeom stats` get the binary through LNGEOM_BIN and skip
# themselves (saying why) in builds without the app.
set(LNGEOM_EXPORTER_SUITES test_exporter test_exporter_arrays test_exporter_cli test_exporter_files
    test_exporter_reader test_exporter_sites test_exporter_tokens test_samples)
set(LNGEOM_EXPORTER_ENVIRONMENT PYTHONDONTWRITEBYTECODE=1 OMP_NUM_THREADS=1)
if(TARGET lngeom)
    list(APPEND LNGEOM_EXPORTER_ENVIRONMENT LNGEOM_BIN=$<TARGET_FILE:lngeom>)
endif()
foreach(suite ${LNGEOM_EXPORTER_SUITES})
    add_test(NAME tools_${suite}
             COMMAND ${LNGEOM_PYTHON} -m unittest -v ${suite}
             WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR})
    set_tests_properties(tools_${suite} PROPERTIES
        LABELS tools ENVIRONMENT "${LNGEOM_EXPORTER_ENVIRONMENT}")
endforeach()
