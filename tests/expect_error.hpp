#pragma once
// Shared assertion for the reader tests: a call must fail with a bad-input Error whose
// message names every given fragment (file, line, key, what was expected).
#include <gtest/gtest.h>

#include <functional>
#include <initializer_list>
#include <string>

#include "planner/model/error.hpp"

namespace planner {

/// Runs `f`, expects a bad-input Error whose message holds every fragment.
inline void expect_bad_input(const std::function<void()>& f, std::initializer_list<std::string> fragments) {
  try {
    f();
    ADD_FAILURE() << "expected a bad-input Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ExitCode::bad_input);
    for (const auto& frag : fragments) EXPECT_NE(std::string(e.what()).find(frag), std::string::npos) << e.what();
  }
}

}  // namespace planner
