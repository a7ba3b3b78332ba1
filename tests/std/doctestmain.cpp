// SPDX-License-Identifier: MIT
// main() of the std-only tests: doctest's runner (--help lists its options).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
