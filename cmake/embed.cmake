# embed_text_files(<output.cpp> <symbol> <base_dir> <files...>)
# Generates a C++ source that defines
#   std::span<const ps::EmbeddedFile> <symbol>()
# holding the named files' contents, so the binary carries its migrations and
# OpenAPI document and needs no files beside it at run time.
function(embed_text_files output symbol base_dir)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DSYMBOL=${symbol} -DBASE_DIR=${base_dir}
            "-DFILES=${files}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake
    DEPENDS ${files} ${PROJECT_SOURCE_DIR}/cmake/embed_script.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
