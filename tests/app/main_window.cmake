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
