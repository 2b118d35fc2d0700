# The main window built in-process: the samples, files from the command line and by drop,
# bad files, cancelled passes, the site keys, layouts, sessions and themes (needs an X server).
lngeom_add_qtest(NAME test_main_window LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_main_window.cpp
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_main_window MODULES ${VTK_LIBRARIES})

lngeom_add_qtest(NAME test_main_window_files LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_main_window_files.cpp
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support FIXTURES core_analysis)
vtk_module_autoinit(TARGETS test_main_window_files MODULES ${VTK_LIBRARIES})

# Files libhdf5 crashes or hangs on, beside sound ones: reported, and nothing else lost.
lngeom_add_qtest(NAME test_main_window_damaged LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_main_window_damaged.cpp
            ${CMAKE_CURRENT_LIST_DIR}/dumps_without_tokens.h
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_main_window_damaged MODULES ${VTK_LIBRARIES})

lngeom_add_qtest(NAME test_main_window_session LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_main_window_session.cpp
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support)
target_compile_definitions(test_main_window_session PRIVATE
    LNGEOM_EXECUTABLE="$<TARGET_FILE:lngeom>")
add_dependencies(test_main_window_session lngeom)
vtk_module_autoinit(TARGETS test_main_window_session MODULES ${VTK_LIBRARIES})

# `cmake --install` gives a working app: the installed binary finds its installed samples and
# draws its window.
add_test(NAME test_installed_app COMMAND sh -c
    "rm -rf '${PROJECT_BINARY_DIR}/test-output/install' && \
     '${CMAKE_COMMAND}' --install '${PROJECT_BINARY_DIR}' --prefix '${PROJECT_BINARY_DIR}/test-output/install' >/dev/null && \
     test -f '${PROJECT_BINARY_DIR}/test-output/install/share/applications/lngeom.desktop' && \
     XDG_CONFIG_HOME='${PROJECT_BINARY_DIR}/test-output/install/config' \
     '${PROJECT_BINARY_DIR}/test-output/install/bin/lngeom' \
     --screenshot '${PROJECT_BINARY_DIR}/test-output/install/window.png'")
set_tests_properties(test_installed_app PROPERTIES LABELS app)

# HiDPI: the window with the samples at a device pixel ratio of 2.
add_test(NAME test_main_window_hidpi COMMAND test_main_window
    opensTheSamplesLayerNormFirst everyViewFollowsTheCurrentDump)
set_tests_properties(test_main_window_hidpi PROPERTIES LABELS app ENVIRONMENT "QT_SCALE_FACTOR=2")

# Not a test: frames per second of the projection view in the real main window with the
# million-token dump while the camera moves (label "benchmark"; it reports, asserts no speed).
lngeom_add_qtest(NAME bench_main_window_projection LABEL benchmark
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_main_window_projection.cpp
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support FIXTURES million_token_dump)
vtk_module_autoinit(TARGETS bench_main_window_projection MODULES ${VTK_LIBRARIES})

# The app's memory budget: bad values, remembered, obeyed by the table's sort and the 3D view.
lngeom_add_qtest(NAME test_memory_budget LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_memory_budget.cpp
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_memory_budget MODULES ${VTK_LIBRARIES})

# --screenshot waits for every view's jobs and, at its bound, names what was still loading.
lngeom_add_qtest(NAME test_window_screenshot LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_window_screenshot.cpp
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support)
vtk_module_autoinit(TARGETS test_window_screenshot MODULES ${VTK_LIBRARIES})

# Not a test: the GUI thread's longest stall and each interaction's time until shown, in the real
# window on ten million tokens × 2 sites (label "benchmark"; it reports, asserts no time). The
# dump (about 1 GB) is written to the build's test-output by tests/benchmarks/make_large_dump.py;
# LNGEOM_LATENCY_DUMP=PATH measures another dump instead.
add_test(NAME main_window_latency_dump
    COMMAND ${LNGEOM_PYTHON} ${PROJECT_SOURCE_DIR}/tests/benchmarks/make_large_dump.py
            ${PROJECT_BINARY_DIR}/test-output/ten-million-token-dump.h5
            --tokens 10000000 --sites 2 --d 8)
set_tests_properties(main_window_latency_dump PROPERTIES
    FIXTURES_SETUP ten_million_token_dump LABELS benchmark TIMEOUT 3600)
lngeom_add_qtest(NAME bench_main_window_latency LABEL benchmark
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/bench_main_window_latency.cpp
            ${CMAKE_CURRENT_LIST_DIR}/main_window_fixture.cpp
    LIBS lngeom_app lngeom_widget_test_support FIXTURES ten_million_token_dump
    ENVIRONMENT QTEST_FUNCTION_TIMEOUT=7200000)
set_tests_properties(bench_main_window_latency PROPERTIES TIMEOUT 7200)
vtk_module_autoinit(TARGETS bench_main_window_latency MODULES ${VTK_LIBRARIES})
