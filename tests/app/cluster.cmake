# Shards, merge and MPI (`lngeom stats --shard/--state`, `lngeom merge`, `lngeom-mpi stats`)
# on the dumps of make_cluster_fixtures.py and the metrics fixtures.
add_test(NAME app_cluster_fixtures
    COMMAND ${LNGEOM_PYTHON} ${CMAKE_CURRENT_LIST_DIR}/make_cluster_fixtures.py
            ${PROJECT_BINARY_DIR}/test-output/cluster-fixtures)
set_tests_properties(app_cluster_fixtures PROPERTIES FIXTURES_SETUP cluster_dumps LABELS app)

lngeom_add_qtest(NAME test_shard_merge_cli LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_shard_merge_cli.cpp ${CMAKE_CURRENT_LIST_DIR}/cluster_runs.h
    LIBS Qt6::Core FIXTURES "cluster_dumps;core_metrics")
target_compile_definitions(test_shard_merge_cli PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>")
target_include_directories(test_shard_merge_cli PRIVATE ${PROJECT_SOURCE_DIR})
add_dependencies(test_shard_merge_cli lngeom)

if(TARGET lngeom-mpi)
    # CI runs as root, which Open MPI refuses unless told.
    lngeom_add_qtest(NAME test_mpi_stats LABEL app
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_mpi_stats.cpp ${CMAKE_CURRENT_LIST_DIR}/cluster_runs.h
                ${CMAKE_CURRENT_LIST_DIR}/known_crasher_rows.h
        LIBS Qt6::Core FIXTURES "cluster_dumps;core_metrics"
        ENVIRONMENT "OMPI_ALLOW_RUN_AS_ROOT=1;OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1")
    target_compile_definitions(test_mpi_stats PRIVATE LNGEOM_BIN="$<TARGET_FILE:lngeom>"
                                                      LNGEOM_MPI_BIN="$<TARGET_FILE:lngeom-mpi>")
    target_include_directories(test_mpi_stats PRIVATE ${PROJECT_SOURCE_DIR})
    add_dependencies(test_mpi_stats lngeom lngeom-mpi)
endif()
