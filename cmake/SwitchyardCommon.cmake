# Settings every Switchyard target shares, carried by one INTERFACE target.
add_library(switchyard_common INTERFACE)
target_compile_features(switchyard_common INTERFACE cxx_std_20)
target_compile_definitions(switchyard_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(switchyard_common INTERFACE -Wall -Wextra -Wpedantic)
if(SWITCHYARD_WERROR)
    target_compile_options(switchyard_common INTERFACE -Werror)
endif()
if(SWITCHYARD_SANITIZE)
    target_compile_options(switchyard_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(switchyard_common INTERFACE -fsanitize=address,undefined)
endif()

# switchyard_add_test(NAME name SOURCES a.cpp ... LIBS lib ...)
# One executable per test class, registered with CTest, run offscreen in a UTF-8 C locale.
function(switchyard_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE switchyard_common Qt6::Test ${ARG_LIBS})
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;LC_ALL=C.UTF-8;TZ=UTC;ASAN_OPTIONS=detect_leaks=1"
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}")
endfunction()
