# SPDX-License-Identifier: MIT
# CPack: DEB + TGZ on Linux, NSIS + ZIP on Windows, DragNDrop (.dmg) on macOS.
# Packages what cmake/Install.cmake installs:   cmake --build build && cd build && cpack
# (or cpack -G DEB). The Linux package is tested end to end by scripts/package-test.sh.
set(_pl_packaging ${PROJECT_SOURCE_DIR}/packaging)
set(_pl_app_id io.github.processlab.ProcessLab)

set(CPACK_PACKAGE_NAME processlab)
set(CPACK_PACKAGE_VENDOR "ProcessLab developers")
set(CPACK_PACKAGE_CONTACT "ProcessLab developers <dev@processlab.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL ${PROJECT_HOMEPAGE_URL})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "multi-process programming lab: tutorial examples as real processes")
# Wrapped for Debian's control file (lines under 80 columns).
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "ProcessLab runs the examples of a Python multiprocessing tutorial (Process,"
    "Queue, Pipe, shared Value and Array, Pool) as real operating-system"
    "processes, without needing Python. Change the process counts, run, stop and"
    "re-run, and watch every process's output, state and timing live, with the"
    "Python source next to an equivalent C++ listing."
    ""
    "Includes processlab-cli, a headless runner with JSON and trace export."
    "The user interface is in English and Chinese.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY ProcessLab)
set(CPACK_RESOURCE_FILE_LICENSE ${_pl_packaging}/LICENSE.txt)
if(TARGET processlab)
    # Start-menu shortcut (NSIS/WiX): executable name, then the label.
    set(CPACK_PACKAGE_EXECUTABLES processlab ProcessLab)
endif()

string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _pl_arch)
if(_pl_arch STREQUAL "amd64")
    set(_pl_arch x86_64)
endif()
if(WIN32)
    set(_pl_os windows)
elseif(APPLE)
    set(_pl_os macos)
    if(CMAKE_OSX_ARCHITECTURES MATCHES ";")
        set(_pl_arch universal)
    elseif(CMAKE_OSX_ARCHITECTURES)
        set(_pl_arch ${CMAKE_OSX_ARCHITECTURES})
    endif()
else()
    set(_pl_os linux)
endif()
set(CPACK_PACKAGE_FILE_NAME "processlab-${PROJECT_VERSION}-${_pl_os}-${_pl_arch}")

set(CPACK_SOURCE_GENERATOR TGZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME "processlab-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "\\\\.user$" "__pycache__")

if(WIN32)
    set(CPACK_GENERATOR NSIS ZIP)
    set(CPACK_NSIS_PACKAGE_NAME "ProcessLab ${PROJECT_VERSION}")
    set(CPACK_NSIS_DISPLAY_NAME "ProcessLab")
    # NSIS wants backslashes in paths (written doubled, as CPack re-reads this as CMake code).
    string(REPLACE "/" "\\\\" _pl_nsis_ico "${_pl_packaging}/windows/processlab.ico")
    set(CPACK_NSIS_MUI_ICON "${_pl_nsis_ico}")
    set(CPACK_NSIS_MUI_UNIICON "${_pl_nsis_ico}")
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\processlab.exe")   # icon in "Apps & features"
    set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
    set(CPACK_NSIS_MUI_FINISHPAGE_RUN processlab.exe)
    set(CPACK_NSIS_URL_INFO_ABOUT ${PROJECT_HOMEPAGE_URL})
    set(CPACK_NSIS_HELP_LINK ${PROJECT_HOMEPAGE_URL})
    set(CPACK_NSIS_CONTACT "dev@processlab.invalid")
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
    set(CPACK_NSIS_BRANDING_TEXT "ProcessLab ${PROJECT_VERSION}")
    set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
    # Version-independent, so that installing a new version finds and uninstalls the old one.
    set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY ProcessLab)
    # Kept in case someone runs cpack -G WIX: a fixed upgrade code lets a new MSI replace an old one.
    set(CPACK_WIX_UPGRADE_GUID "6F2B8C1E-4D7A-4B35-9E0C-3A51D2F7B864")
    set(CPACK_WIX_PRODUCT_ICON ${_pl_packaging}/windows/processlab.ico)
    set(CPACK_WIX_PROGRAM_MENU_FOLDER ProcessLab)
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME "ProcessLab ${PROJECT_VERSION}")
    set(CPACK_DMG_FORMAT UDZO)
    set(CPACK_PACKAGE_ICON ${_pl_packaging}/macos/processlab.icns)
    # The license is shown by the installers that ask for it; a .dmg does not need a click-through.
    set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
else()
    set(CPACK_GENERATOR DEB TGZ)
    set(CPACK_STRIP_FILES ON)
    # DEB: the file name (processlab_0.1.0-1_amd64.deb) and architecture come from dpkg.
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_NAME processlab)
    set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
    set(CPACK_DEBIAN_PACKAGE_SECTION education)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${PROJECT_HOMEPAGE_URL})
    set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
    set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
    # Depends: computed by dpkg-shlibdeps from the installed executables (Qt, libstdc++, libc).
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    if(TARGET processlab)
        # The SVG icon engine (window and tool icons) is a plugin, which shlibdeps cannot see,
        # and the linker drops libQt6Svg from the app when no Qt Svg symbol is used directly.
        set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6 (>= 6.4)")
        # Qt's own zh_CN strings (standard dialogs), native Wayland, and a CJK font for Chinese.
        set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland, fonts-noto-cjk | fonts-wqy-microhei")
    endif()
    # The shipped examples' Python sources run with python3 (the app itself needs no Python).
    set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3")
endif()

include(CPack)

# Cheap checks of the Linux desktop files, run with the other tests. The full package test
# (build the .deb, install it, run what it installed) is scripts/package-test.sh.
if(BUILD_TESTING AND UNIX AND NOT APPLE)
    find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
    find_program(APPSTREAMCLI appstreamcli)
    if(DESKTOP_FILE_VALIDATE)
        add_test(NAME packaging_desktop_file
                 COMMAND ${DESKTOP_FILE_VALIDATE} ${_pl_packaging}/linux/${_pl_app_id}.desktop)
    endif()
    if(APPSTREAMCLI)
        add_test(NAME packaging_metainfo
                 COMMAND ${APPSTREAMCLI} validate --no-net --pedantic
                         ${_pl_packaging}/linux/${_pl_app_id}.metainfo.xml)
    endif()
    # The metainfo's <releases> must describe the version being built.
    add_test(NAME packaging_metainfo_release
             COMMAND grep -q "<release version=\"${PROJECT_VERSION}\""
                     ${_pl_packaging}/linux/${_pl_app_id}.metainfo.xml)
    # Install into a scratch prefix and run what was installed: the worker must be found in
    # ../lib/processlab and the app must start from its installed location.
    add_test(NAME packaging_install
             COMMAND ${PROJECT_SOURCE_DIR}/scripts/package-test.sh --installed-tree ${PROJECT_BINARY_DIR})
    set_tests_properties(packaging_install PROPERTIES TIMEOUT 120)
endif()
