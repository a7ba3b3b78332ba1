# SPDX-License-Identifier: MIT
# GUI tests: offscreen, linked against processlab_gui (the app minus main()).
set(gui_tests mainwindow codepanel runhistorymodel outputview timelinemath timelinedata layout appoptions poolview exportmenu replay pooltopo ipcviews cpuviews walkthroughhighlighter handoutwriter)
foreach(name IN LISTS gui_tests)
    if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_${name}.cpp)
        continue()
    endif()
    qt_add_executable(tst_${name} tst_${name}.cpp testsupport.h guitestsupport.h)
    target_link_libraries(tst_${name} PRIVATE processlab_gui processlab_warnings Qt6::Test)
    target_compile_definitions(tst_${name} PRIVATE
        PROCESSLAB_WORKER_PATH="$<TARGET_FILE:processlab-test-worker>"
        PROCESSLAB_CLI_PATH="$<TARGET_FILE:processlab-cli>"
        PROCESSLAB_APP_PATH="$<TARGET_FILE:processlab>")
    add_dependencies(tst_${name} processlab-test-worker processlab)
    set_target_properties(tst_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
    add_test(NAME gui_${name} COMMAND tst_${name})
    set_tests_properties(gui_${name} PROPERTIES TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${PROJECT_BINARY_DIR}/test-config")
endforeach()
