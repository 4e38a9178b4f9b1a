# regen.cmake: rewrites every cases/*.ir from the current ir-dump.
#   cmake -DIR_DUMP=<build>/tests/ir/ir-dump -P tests/ir/regen.cmake [-DONLY=name]
get_filename_component(_cases ${CMAKE_CURRENT_LIST_DIR}/cases ABSOLUTE)
file(GLOB _cs ${_cases}/*.c)
foreach(c ${_cs})
  get_filename_component(name ${c} NAME_WE)
  if(NOT ONLY OR ONLY STREQUAL name)
    execute_process(COMMAND ${CMAKE_COMMAND} -DIR_DUMP=${IR_DUMP} -DCASE=${name}
      -DCASES=${_cases} -DREGEN=1 -P ${CMAKE_CURRENT_LIST_DIR}/check.cmake)
    message(STATUS "regenerated ${name}.ir")
  endif()
endforeach()
