# The sub-commands' shared argument reader (short forms, flags, help, "--", mistakes' messages).
lngeom_add_qtest(NAME test_argument_parser LABEL app
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_argument_parser.cpp
            ${PROJECT_SOURCE_DIR}/app/cli/argument_parser.cpp
    LIBS Qt6::Core)
target_include_directories(test_argument_parser PRIVATE ${PROJECT_SOURCE_DIR})
