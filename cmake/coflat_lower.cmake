# coflat_lower(<target> SOURCES <files>... [EXTRA_ARGS <args>...])
#
# Lowers each source at build time into the binary dir, compiles the lowered
# files into <target> and links coflat::runtime.  Coroutines in the project
# headers a source includes are lowered into copies of those headers: beside
# the lowered source when the header was found beside the source, else in
# the target's include tree, which the target searches before its other
# include directories.  The custom command depends on the tool and the
# source and reads a depfile written by the tool, so an edit to an included
# header lowers again (every source that includes it).  The source and binary
# directories are written as `./` in #line directives, so two checkouts
# lower to the same bytes (and a compiler cache hits across them).
function(coflat_lower target)
  cmake_parse_arguments(ARG "" "" "SOURCES;EXTRA_ARGS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "coflat_lower(${target}): SOURCES is required")
  endif()
  if(TARGET coflat)
    set(tool $<TARGET_FILE:coflat>)
    set(tool_dep coflat)
  else()
    set(tool $<TARGET_FILE:coflat::coflat>)
    set(tool_dep coflat::coflat)
  endif()
  # The target's include directories and definitions, with those of what it
  # links (the runtime's headers among them): what its compiler will see.
  set(includes "$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>")
  set(defines "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  set(base "${CMAKE_CURRENT_BINARY_DIR}/coflat/${target}")
  # The lowered sources mirror the source directories, so that the header
  # copies beside one source never stand in for another directory's headers.
  target_include_directories(${target} BEFORE PRIVATE "${base}/coflat-include")
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(abs "${src}" ABSOLUTE)
    get_filename_component(name "${src}" NAME)
    file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${abs}")
    if(rel MATCHES "^\\.\\./")
      set(rel "${name}")
    endif()
    set(out "${base}/${rel}")
    get_filename_component(outdir "${out}" DIRECTORY)
    set(dep "${out}.d")
    if(CMAKE_GENERATOR MATCHES "Ninja")
      set(depargs DEPFILE "${dep}")
    elseif(POLICY CMP0116)
      set(depargs DEPFILE "${dep}")
    else()
      set(depargs "")
    endif()
    add_custom_command(
      OUTPUT "${out}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${outdir}"
      COMMAND ${tool} lower "${abs}" -o "${out}" --include-dir "${base}/coflat-include" --MD --MF "${dep}"
              "--file-prefix-map=${CMAKE_SOURCE_DIR}/=./"
              "--file-prefix-map=${CMAKE_BINARY_DIR}/=./"
              --
              "$<$<BOOL:${includes}>:-I$<JOIN:${includes},;-I>>"
              "$<$<BOOL:${defines}>:-D$<JOIN:${defines},;-D>>"
              ${ARG_EXTRA_ARGS}
      DEPENDS "${abs}" ${tool_dep}
      ${depargs}
      COMMAND_EXPAND_LISTS
      VERBATIM
      COMMENT "coflat: lowering ${name}")
    # The lowered file lives in the binary dir: its #include "..." must still
    # find the headers beside the original.
    get_filename_component(dir "${abs}" DIRECTORY)
    set_source_files_properties("${out}" PROPERTIES COMPILE_OPTIONS "-iquote;${dir}")
    target_sources(${target} PRIVATE "${out}")
  endforeach()
  target_link_libraries(${target} PRIVATE coflat::runtime)
endfunction()
