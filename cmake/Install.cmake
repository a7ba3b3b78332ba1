# SPDX-License-Identifier: MIT
# install() rules for the three executables and the desktop integration files.
#
# Installed layout (the host finds the worker next to itself, else in ../lib/processlab/):
#   Linux    bin/processlab, bin/processlab-cli, lib/processlab/processlab-worker,
#            share/applications, share/metainfo, share/icons/hicolor, share/processlab/examples
#   Windows  bin/processlab.exe, bin/processlab-cli.exe, bin/processlab-worker.exe, Qt via windeployqt,
#            share/processlab/examples
#   macOS    ProcessLab.app/Contents/MacOS/{ProcessLab,processlab-cli,processlab-worker}, Qt via
#            macdeployqt, ProcessLab.app/Contents/Resources/examples
# Without the desktop app (PROCESSLAB_BUILD_APP=OFF) the CLI and the worker still install, and
# nothing that describes the app (desktop file, metainfo, icons, bundle) does.
include(GNUInstallDirs)

set(PROCESSLAB_APP_ID io.github.processlab.ProcessLab)
set(PROCESSLAB_BUNDLE_NAME ProcessLab)
set(_pl_packaging ${PROJECT_SOURCE_DIR}/packaging)

# --- Executable metadata: Windows resources, macOS bundle --------------------------------------
if(WIN32)
    # One .rc per executable: the icon Explorer and the Start menu show, plus version information.
    function(_processlab_add_windows_resource target description)
        set(PROCESSLAB_RC_DESCRIPTION "${description}")
        set(PROCESSLAB_RC_FILENAME "${target}.exe")
        set(PROCESSLAB_RC_ICON "${_pl_packaging}/windows/processlab.ico")
        configure_file(${_pl_packaging}/windows/processlab.rc.in
                       ${PROJECT_BINARY_DIR}/packaging/windows/${target}.rc @ONLY)
        target_sources(${target} PRIVATE ${PROJECT_BINARY_DIR}/packaging/windows/${target}.rc)
    endfunction()
    if(TARGET processlab)
        _processlab_add_windows_resource(processlab "ProcessLab")
        set_target_properties(processlab PROPERTIES WIN32_EXECUTABLE ON)
    endif()
    _processlab_add_windows_resource(processlab-cli "ProcessLab command-line runner")
    _processlab_add_windows_resource(processlab-worker "ProcessLab worker process")
endif()

if(APPLE AND TARGET processlab)
    set(_pl_icns ${_pl_packaging}/macos/processlab.icns)
    target_sources(processlab PRIVATE ${_pl_icns})
    set_source_files_properties(${_pl_icns} TARGET_DIRECTORY processlab
                                PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    # Our values are filled in now (@VAR@); CMake fills ${MACOSX_BUNDLE_EXECUTABLE_NAME} at build.
    set(PROCESSLAB_MACOS_MINIMUM "${CMAKE_OSX_DEPLOYMENT_TARGET}")
    if(NOT PROCESSLAB_MACOS_MINIMUM)
        set(PROCESSLAB_MACOS_MINIMUM 11.0)
    endif()
    configure_file(${_pl_packaging}/macos/Info.plist.in
                   ${PROJECT_BINARY_DIR}/packaging/macos/Info.plist.in @ONLY)
    set_target_properties(processlab PROPERTIES
        MACOSX_BUNDLE ON
        OUTPUT_NAME ${PROCESSLAB_BUNDLE_NAME}
        MACOSX_BUNDLE_INFO_PLIST ${PROJECT_BINARY_DIR}/packaging/macos/Info.plist.in)
endif()

# --- Executables --------------------------------------------------------------------------------
if(APPLE AND TARGET processlab)
    set(_pl_macos_dir "${PROCESSLAB_BUNDLE_NAME}.app/Contents/MacOS")
    install(TARGETS processlab BUNDLE DESTINATION . RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(TARGETS processlab-cli processlab-worker RUNTIME DESTINATION ${_pl_macos_dir})
    set(_pl_examples_dir "${PROCESSLAB_BUNDLE_NAME}.app/Contents/Resources/examples")
elseif(WIN32 OR APPLE)
    # Everything in one directory: the worker is found next to the host.
    set(_pl_hosts processlab-cli)
    if(TARGET processlab)
        list(PREPEND _pl_hosts processlab)
    endif()
    install(TARGETS ${_pl_hosts} processlab-worker RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    set(_pl_examples_dir "${CMAKE_INSTALL_DATADIR}/processlab/examples")
else()
    if(TARGET processlab)
        install(TARGETS processlab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
    install(TARGETS processlab-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    # Literally lib/, not CMAKE_INSTALL_LIBDIR (lib/x86_64-linux-gnu on Debian): the host looks
    # for ../lib/processlab/processlab-worker relative to its own directory.
    install(TARGETS processlab-worker RUNTIME DESTINATION lib/processlab)
    set(_pl_examples_dir "${CMAKE_INSTALL_DATADIR}/processlab/examples")
endif()

# The tutorial's Python listings, runnable with python3 (the app embeds its own copies).
file(GLOB _pl_example_sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/resources/examples/*.py)
install(FILES ${_pl_example_sources} DESTINATION ${_pl_examples_dir})

# --- Qt runtime for Windows and macOS (Linux uses the distribution's Qt) ------------------------
# This is what qt_generate_deploy_app_script() writes (Qt 6.4 API), plus ADDITIONAL_EXECUTABLES:
# the CLI and the worker live beside the app and must be deployed too (macdeployqt rewrites their
# Qt framework paths only when told about them). QT_DEPLOY_SUPPORT comes from find_package(Qt6).
# macdeployqt only deploys bundles, so a macOS build without the app (CLI only) is left as built.
if(QT_DEPLOY_SUPPORT AND (WIN32 OR (APPLE AND TARGET processlab)))
    if(APPLE)
        set(_pl_deploy_main "${PROCESSLAB_BUNDLE_NAME}.app")
        set(_pl_deploy_extra
            "${_pl_macos_dir}/$<TARGET_FILE_NAME:processlab-cli>"
            "${_pl_macos_dir}/$<TARGET_FILE_NAME:processlab-worker>")
        set(_pl_deploy_options "")
    else()
        set(_pl_main_target processlab-cli)
        set(_pl_deploy_extra "\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:processlab-worker>")
        if(TARGET processlab)
            set(_pl_main_target processlab)
            list(APPEND _pl_deploy_extra "\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:processlab-cli>")
        endif()
        set(_pl_deploy_main "\${QT_DEPLOY_BIN_DIR}/$<TARGET_FILE_NAME:${_pl_main_target}>")
        set(_pl_deploy_options GENERATE_QT_CONF)
    endif()
    list(JOIN _pl_deploy_extra "\" \"" _pl_deploy_extra_quoted)
    set(_pl_deploy_sign "")
    if(APPLE)
        # macdeployqt rewrites load commands, which breaks the linker's signatures; Apple Silicon
        # runs nothing unsigned. Sign the whole bundle, ad hoc unless an identity is given.
        set(_pl_deploy_sign "
set(identity \"\$ENV{PROCESSLAB_CODESIGN_IDENTITY}\")
set(options \"\")
if(identity STREQUAL \"\")
    set(identity -)
else()
    set(options --options runtime --timestamp)   # what notarization requires
endif()
execute_process(COMMAND codesign --force --deep \${options} --sign \"\${identity}\"
                        \"\${QT_DEPLOY_PREFIX}/${_pl_deploy_main}\"
                COMMAND_ERROR_IS_FATAL ANY)
")
    endif()
    set(_pl_deploy_script ${PROJECT_BINARY_DIR}/packaging/deploy-qt-$<CONFIG>.cmake)
    file(GENERATE OUTPUT ${_pl_deploy_script} CONTENT "\
include(\"${QT_DEPLOY_SUPPORT}\")
qt_deploy_runtime_dependencies(
    EXECUTABLE \"${_pl_deploy_main}\"
    ADDITIONAL_EXECUTABLES \"${_pl_deploy_extra_quoted}\"
    ${_pl_deploy_options}
    VERBOSE
)
${_pl_deploy_sign}")
    install(SCRIPT ${_pl_deploy_script})
endif()

if(WIN32)
    # The MSVC runtime DLLs, installed next to the executables (no separate vc_redist step).
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION ${CMAKE_INSTALL_BINDIR})
    set(CMAKE_INSTALL_UCRT_LIBRARIES ON)
    include(InstallRequiredSystemLibraries)
endif()

# --- Linux desktop integration ------------------------------------------------------------------
if(UNIX AND NOT APPLE)
    if(TARGET processlab)
        install(FILES ${_pl_packaging}/linux/${PROCESSLAB_APP_ID}.desktop
                DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
        install(FILES ${_pl_packaging}/linux/${PROCESSLAB_APP_ID}.metainfo.xml
                DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
        install(DIRECTORY ${_pl_packaging}/linux/icons/hicolor
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons)
    endif()
    # Debian policy wants it here; CMAKE_INSTALL_DOCDIR would spell the project name "ProcessLab".
    install(FILES ${_pl_packaging}/linux/copyright
            DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/processlab)
endif()
