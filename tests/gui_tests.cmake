# SPDX-License-Identifier: MIT
# GUI tests: offscreen, linked against processlab_gui (the app minus main()).
set(gui_tests mainwindow codepanel runhistorymodel outputview timelinemath timelinedata layout appoptions poolview exportmenu replay pooltopo ipcviews cpuviews walkthroughhighlighter handoutwriter codepaneledit pythonapp)
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

# Walkthroughs played in the window (issue 12): one CTest entry per shipped walkthrough, so
# the suite stays parallel, and one for the keys, the language switch, a bad file, the handout.
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_walkthroughplayback.cpp)
    qt_add_executable(tst_walkthroughplayback tst_walkthroughplayback.cpp testsupport.h guitestsupport.h)
    target_link_libraries(tst_walkthroughplayback PRIVATE processlab_gui processlab_warnings Qt6::Test)
    target_compile_definitions(tst_walkthroughplayback PRIVATE
        PROCESSLAB_WORKER_PATH="$<TARGET_FILE:processlab-test-worker>"
        PROCESSLAB_CLI_PATH="$<TARGET_FILE:processlab-cli>"
        PROCESSLAB_APP_PATH="$<TARGET_FILE:processlab>")
    add_dependencies(tst_walkthroughplayback processlab-test-worker)
    set_target_properties(tst_walkthroughplayback PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
    file(GLOB shipped_walkthroughs CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/walkthroughs/*.json)
    set(walkthrough_test_names gui_walkthroughplayback)
    add_test(NAME gui_walkthroughplayback COMMAND tst_walkthroughplayback
        clickerKeys languageSwitchKeepsTheStep malformedFileShowsTheMessage nextSaysWhatItDoes
        closingThePanelStopsTheRun firstRunHintOffersTheTour autoplayLoops handout)
    foreach(file IN LISTS shipped_walkthroughs)
        get_filename_component(id ${file} NAME_WE)
        add_test(NAME gui_walkthroughplayback_${id} COMMAND tst_walkthroughplayback autoplaysToTheEnd:${id})
        list(APPEND walkthrough_test_names gui_walkthroughplayback_${id})
    endforeach()
    foreach(test IN LISTS walkthrough_test_names)
        # Settings of their own: the entries run at the same time.
        set_tests_properties(${test} PROPERTIES TIMEOUT 300
            ENVIRONMENT "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${PROJECT_BINARY_DIR}/test-config/${test}")
    endforeach()
endif()
