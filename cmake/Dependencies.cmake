# Finds libclang (LLVM >= 17), SQLite 3 and Graphviz; names the Debian package
# to install when one is missing. Sets: REFFLOW_CLANG_INCLUDE, REFFLOW_CLANG_LIB,
# REFFLOW_CLANG_RESOURCE_DIR, REFFLOW_CLANG_BIN, and imported targets
# refflow::sqlite3 and refflow::graphviz.

function(refflow_missing what package)
  message(FATAL_ERROR "refflow needs ${what}. On Debian 12: apt-get install ${package}")
endfunction()

# --- libclang: newest llvm-N first, N >= 17 ---
set(_llvm_roots)
foreach(v 21 20 19 18 17)
  list(APPEND _llvm_roots /usr/lib/llvm-${v})
endforeach()
if(DEFINED ENV{LLVM_ROOT})
  list(PREPEND _llvm_roots $ENV{LLVM_ROOT})
endif()
foreach(root ${_llvm_roots})
  if(EXISTS ${root}/include/clang-c/Index.h AND NOT REFFLOW_CLANG_INCLUDE)
    find_library(_clang_lib NAMES clang libclang PATHS ${root}/lib NO_DEFAULT_PATH)
    if(_clang_lib)
      set(REFFLOW_LLVM_ROOT ${root})
      set(REFFLOW_CLANG_INCLUDE ${root}/include)
      set(REFFLOW_CLANG_LIB ${_clang_lib})
    endif()
    unset(_clang_lib CACHE)
  endif()
endforeach()
if(NOT REFFLOW_CLANG_INCLUDE)
  refflow_missing("libclang (LLVM 17 or newer) with clang-c/Index.h" "libclang-19-dev")
endif()
file(GLOB _resdirs LIST_DIRECTORIES true ${REFFLOW_LLVM_ROOT}/lib/clang/*)
list(SORT _resdirs COMPARE NATURAL ORDER DESCENDING)
foreach(d ${_resdirs})
  if(EXISTS ${d}/include/stddef.h AND NOT REFFLOW_CLANG_RESOURCE_DIR)
    set(REFFLOW_CLANG_RESOURCE_DIR ${d})
  endif()
endforeach()
if(NOT REFFLOW_CLANG_RESOURCE_DIR)
  refflow_missing("clang's builtin headers (stddef.h) under ${REFFLOW_LLVM_ROOT}/lib/clang" "libclang-common-19-dev")
endif()
find_program(REFFLOW_CLANG_BIN NAMES clang PATHS ${REFFLOW_LLVM_ROOT}/bin NO_DEFAULT_PATH)
message(STATUS "refflow: libclang ${REFFLOW_CLANG_LIB}, resource dir ${REFFLOW_CLANG_RESOURCE_DIR}")

# --- SQLite 3 ---
find_package(PkgConfig)
if(NOT PkgConfig_FOUND)
  refflow_missing("pkg-config" "pkg-config")
endif()
pkg_check_modules(SQLITE3 IMPORTED_TARGET sqlite3)
if(NOT SQLITE3_FOUND)
  refflow_missing("SQLite 3 development files" "libsqlite3-dev")
endif()
add_library(refflow::sqlite3 ALIAS PkgConfig::SQLITE3)

# --- Graphviz (libgvc + libcgraph) ---
pkg_check_modules(GRAPHVIZ IMPORTED_TARGET libgvc libcgraph)
if(NOT GRAPHVIZ_FOUND)
  refflow_missing("Graphviz development files (libgvc, libcgraph)" "libgraphviz-dev")
endif()
add_library(refflow::graphviz ALIAS PkgConfig::GRAPHVIZ)

find_package(Python3 COMPONENTS Interpreter)
