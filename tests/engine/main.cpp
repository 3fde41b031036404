// The doctest runner shared by the native and the wasm (Node) builds of the engine tests.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
