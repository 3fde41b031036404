// The doctest runner for the crypto tests (native only: they need libsodium from Debian).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
