# The shared document of an open dump: background open and pass, cancel, errors (a generic file
# with several datasets from the reader's fixtures), selection.
lngeom_add_qtest(NAME test_dump_document LABEL widgets
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dump_document.cpp
    LIBS lngeom_widgets FIXTURES core_io)
