// What every fuzz target shares: our validation errors (ps::ApiError) are the
// expected answer to bad input; any other exception is a bug and crashes the
// run, after saying what it was.
#pragma once

#include "core/errors.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>
#include <typeinfo>

namespace ps::fuzz {

[[noreturn]] inline void crash(std::string_view what) {
  std::fprintf(stderr, "fuzz target: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

// Runs `parse`, accepting an ApiError as a normal outcome.
template <class Parse>
void expect_only_api_errors(Parse&& parse) {
  try {
    parse();
  } catch (const ApiError&) {
    // Refused input: the client gets a 4xx problem.
  } catch (const std::exception& error) {
    std::fprintf(stderr, "fuzz target: unexpected %s: %s\n", typeid(error).name(), error.what());
    std::abort();
  } catch (...) {
    crash("unexpected exception of unknown type");
  }
}

}  // namespace ps::fuzz
