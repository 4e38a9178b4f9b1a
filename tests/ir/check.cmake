# check.cmake: runs ir-dump on CASES/CASE.c and compares with CASES/CASE.ir.
# With -DLOAD=ON it runs `ir-dump --load` (the kept, compacted IR), which must
# print the same golden except that the warnings come first (all functions are
# lowered before any is printed), so their lines are left out on both sides.
# Extra compiler arguments for a case may be given on its first line as
#   // ir-dump-args: -DFOO -I...
file(STRINGS ${CASES}/${CASE}.c _first LIMIT_COUNT 1)
set(_args)
if(_first MATCHES "ir-dump-args:(.*)$")
  separate_arguments(_args UNIX_COMMAND "${CMAKE_MATCH_1}")
endif()
set(_mode)
if(LOAD)
  set(_mode --load)
endif()
execute_process(COMMAND ${IR_DUMP} ${_mode} ${CASE}.c -- ${_args}
  WORKING_DIRECTORY ${CASES} OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ir-dump failed (${_rc}): ${_err}")
endif()
if(REGEN AND NOT LOAD)
  file(WRITE ${CASES}/${CASE}.ir "${_out}")
  return()
endif()
file(READ ${CASES}/${CASE}.ir _want)
if(LOAD)
  string(REGEX REPLACE "[^\n]*: warning: [^\n]*\n" "" _want "${_want}")
  string(REGEX REPLACE "[^\n]*: warning: [^\n]*\n" "" _out "${_out}")
endif()
if(NOT _out STREQUAL _want)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/${CASE}${_mode}.ir.actual "${_out}")
  execute_process(COMMAND diff -u ${CASES}/${CASE}.ir ${CMAKE_CURRENT_BINARY_DIR}/${CASE}${_mode}.ir.actual)
  message(FATAL_ERROR "${CASE}${_mode}: IR differs from ${CASE}.ir (actual output in ${CMAKE_CURRENT_BINARY_DIR}/${CASE}${_mode}.ir.actual)")
endif()
