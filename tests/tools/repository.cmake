# The repository explains itself: docs/ARCHITECTURE.md names every source file of core/, widgets/
# and app/, and no file points outside the repository.
foreach(check check-architecture-map check-self-contained)
    add_test(NAME tools_${check} COMMAND sh ${PROJECT_SOURCE_DIR}/tools/${check}.sh)
    set_tests_properties(tools_${check} PROPERTIES LABELS tools)
endforeach()
