# check.cmake: runs ir-dump on CASES/CASE.c and compares with CASES/CASE.ir.
# Extra compiler arguments for a case may be given on its first line as
#   // ir-dump-args: -DFOO -I...
file(STRINGS ${CASES}/${CASE}.c _first LIMIT_COUNT 1)
set(_args)
if(_first MATCHES "ir-dump-args:(.*)$")
  separate_arguments(_args UNIX_COMMAND "${CMAKE_MATCH_1}")
endif()
execute_process(COMMAND ${IR_DUMP} ${CASE}.c -- ${_args}
  WORKING_DIRECTORY ${CASES} OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ir-dump failed (${_rc}): ${_err}")
endif()
if(REGEN)
  file(WRITE ${CASES}/${CASE}.ir "${_out}")
  return()
endif()
file(READ ${CASES}/${CASE}.ir _want)
if(NOT _out STREQUAL _want)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/${CASE}.ir.actual "${_out}")
  execute_process(COMMAND diff -u ${CASES}/${CASE}.ir ${CMAKE_CURRENT_BINARY_DIR}/${CASE}.ir.actual)
  message(FATAL_ERROR "${CASE}: IR differs from ${CASE}.ir (actual output in ${CMAKE_CURRENT_BINARY_DIR}/${CASE}.ir.actual)")
endif()
