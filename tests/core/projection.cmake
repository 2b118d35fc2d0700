# The projection basis (streamed principal directions and the alternatives), the placement of
# token vectors in it, the cloud of a dump site, screen picking, and the step-through walk of one
# vector through LayerNorm and RMSNorm.
foreach(suite test_projection_basis test_projection test_normalization_walk test_projected_cloud)
    lngeom_add_qtest(NAME ${suite} LABEL core
        SOURCES ${CMAKE_CURRENT_LIST_DIR}/${suite}.cpp ${CMAKE_CURRENT_LIST_DIR}/test_point_clouds.h
        LIBS lngeom_core Qt6::Core)
endforeach()
