# SPDX-License-Identifier: MIT
# PROCESSLAB_SANITIZE=address: AddressSanitizer + UndefinedBehaviorSanitizer on every target
# (libraries, worker, programs, tests), with frame pointers for readable stacks; undefined
# behaviour aborts instead of printing and going on, so CI fails on it. gcc and clang.
# PROCESSLAB_FUZZ=ON (clang, with PROCESSLAB_SANITIZE=address): libFuzzer coverage on every
# target and the fuzz targets of tests/fuzz/.
set(PROCESSLAB_SANITIZE "" CACHE STRING "Sanitizers on every target: '' (none) or 'address' (ASan + UBSan)")
set_property(CACHE PROCESSLAB_SANITIZE PROPERTY STRINGS "" address)
option(PROCESSLAB_FUZZ "Build the libFuzzer targets of tests/fuzz (clang; needs PROCESSLAB_SANITIZE=address)" OFF)

if(PROCESSLAB_SANITIZE STREQUAL "address")
    if(MSVC OR NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        message(FATAL_ERROR "PROCESSLAB_SANITIZE=address needs gcc or clang, not ${CMAKE_CXX_COMPILER_ID}")
    endif()
    set(processlab_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    add_compile_options(${processlab_sanitize_flags})
    add_link_options(${processlab_sanitize_flags})
elseif(NOT PROCESSLAB_SANITIZE STREQUAL "")
    message(FATAL_ERROR "PROCESSLAB_SANITIZE must be empty or 'address', not '${PROCESSLAB_SANITIZE}'")
endif()

if(PROCESSLAB_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "PROCESSLAB_FUZZ needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}")
    endif()
    if(NOT PROCESSLAB_SANITIZE STREQUAL "address")
        message(FATAL_ERROR "PROCESSLAB_FUZZ needs -DPROCESSLAB_SANITIZE=address: without it a fuzzer finds crashes only")
    endif()
    # Coverage feedback for the code under test; the fuzz targets add libFuzzer's main.
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()
