// Unit tests of coflat::generator driven by native C++20 coroutines
// (co_yield / co_return), checked against the generator contract (Python PEP 342/380 semantics)
// ("coflat/generator.h - PEP 342 / PEP 380 semantics").
#include <coflat/coflat.h>

#include "test_support.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#if !defined(__cpp_impl_coroutine)
#error "generator_native_test.cpp must be compiled as C++20 with coroutines"
#endif

namespace {

using coflat::generator;
using coflat::yield_from;
using coflat_test::drain;
using coflat_test::event_log;
using coflat_test::tracer;

// ---------------------------------------------------------------------------
// Generators used by the tests.  Parameters that are references refer to
// objects the test keeps alive for the generator's whole life.

generator<int> count_to(int n) {
  for (int i = 0; i < n; ++i)
    co_yield i;
}

generator<int> count_to_logged(int n, event_log& log) {
  log.push_back("start");
  for (int i = 0; i < n; ++i) {
    log.push_back("yield " + std::to_string(i));
    co_yield i;
  }
  log.push_back("end");
}

generator<int> yield_then_throw(event_log& log) {
  tracer t(log, "t");
  co_yield 1;
  throw std::runtime_error("boom");
}

generator<int> throw_before_first_yield() {
  throw std::logic_error("early");
  co_yield 1; // never reached
}

// Sums what is sent; a negative value ends it, returning the total.
generator<int, int, int> accumulate() {
  int total = 0;
  for (;;) {
    int v = co_yield total;
    if (v < 0)
      co_return total;
    total += v;
  }
}

generator<int, int> echo_int(std::vector<int>& received) {
  for (int i = 0;; ++i) {
    int v = co_yield i;
    received.push_back(v);
  }
}

generator<int, std::string> echo_string(std::vector<std::string>& received) {
  for (int i = 0; i < 3; ++i)
    received.push_back(co_yield i);
}

struct no_default {
  explicit no_default(int v) : value(v) {}
  int value;
};

generator<int, no_default> needs_send(event_log& log) {
  try {
    no_default v = co_yield 1;
    log.push_back("got " + std::to_string(v.value));
  } catch (const coflat::invalid_state_error&) {
    log.push_back("invalid_state_error");
  }
  co_yield 2;
}

generator<int> catch_runtime_error(event_log& log) {
  try {
    co_yield 1;
    log.push_back("not thrown");
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("caught ") + e.what());
  }
  co_yield 2;
  log.push_back("after 2");
}

generator<int> catch_nothing(event_log& log) {
  tracer t(log, "t");
  co_yield 1;
  log.push_back("resumed");
  co_yield 2;
}

generator<int> started_flag(bool& started) {
  started = true;
  co_yield 1;
  co_yield 2;
}

generator<int> record_exit(event_log& log) {
  try {
    co_yield 1;
    log.push_back("resumed normally");
  } catch (const coflat::generator_exit&) {
    log.push_back("generator_exit");
    throw;
  }
  co_yield 2;
}

generator<int> ignore_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("ignoring");
  }
  co_yield 99;
  log.push_back("resumed after 99");
}

generator<int, void, int> return_on_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("returning");
    co_return 7;
  }
  co_return 0;
}

generator<int> throw_other_on_exit() {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    throw std::logic_error("other");
  }
}

generator<int> catch_std_exception(event_log& log) {
  bool caught = false;
  try {
    co_yield 1;
  } catch (const std::exception& e) {
    log.push_back(std::string("std::exception ") + e.what());
    caught = true;
  }
  if (caught)
    co_yield 2;
  log.push_back("after try");
  co_yield 3;
}

generator<int, void, int> returns(int value, int yields) {
  for (int i = 0; i < yields; ++i)
    co_yield i;
  co_return value;
}

generator<int, void, std::unique_ptr<int>> returns_move_only(int value) {
  co_yield 0;
  co_return std::make_unique<int>(value);
}

generator<std::string> words() {
  co_yield "alpha";
  co_yield std::string("beta");
  std::string gamma = "gamma";
  co_yield gamma; // an lvalue is copied
  co_yield gamma;
}

generator<std::unique_ptr<int>> move_only_values() {
  co_yield std::make_unique<int>(1);
  auto p = std::make_unique<int>(2);
  co_yield std::move(p);
}

generator<int> traced_locals(event_log& log) {
  tracer a(log, "a");
  tracer b(log, "b");
  co_yield 1;
  log.push_back("resumed");
  tracer c(log, "c");
  co_yield 2;
}

generator<int> traced_scopes(event_log& log) {
  tracer a(log, "a");
  {
    tracer b(log, "b");
    co_yield 1;
  }
  tracer c(log, "c");
  {
    tracer d(log, "d");
    tracer e(log, "e");
    co_yield 2;
  }
  log.push_back("resumed after 2");
  co_yield 3;
}

// --- delegation ---

generator<int, int, int> sub_returning(int first, int count, int result) {
  for (int i = 0; i < count; ++i)
    co_yield first + i;
  co_return result;
}

generator<int, int, std::string> outer_with_result(event_log& log) {
  co_yield 0;
  int r = co_yield yield_from(sub_returning(1, 2, 42));
  log.push_back("sub returned " + std::to_string(r));
  co_yield r;
  co_return "done " + std::to_string(r);
}

generator<int> void_sub() {
  co_yield 10;
  co_yield 11;
}

generator<int> outer_of_void_sub(event_log& log) {
  co_yield 1;
  co_yield yield_from(void_sub());
  log.push_back("after void sub");
  co_yield 2;
}

// Yields 100, 101, ... and records each sent value; a negative send ends it.
generator<int, int, int> send_sub(std::vector<int>& received) {
  int sum = 0;
  for (int i = 100;; ++i) {
    int v = co_yield i;
    received.push_back(v);
    if (v < 0)
      co_return sum;
    sum += v;
  }
}

generator<int, int, int> send_outer(std::vector<int>& sub_received, std::vector<int>& outer_received) {
  int r = co_yield yield_from(send_sub(sub_received));
  int v = co_yield r;
  outer_received.push_back(v);
  v = co_yield -2;
  outer_received.push_back(v);
  co_return r;
}

generator<int> sub_catches(event_log& log) {
  tracer t(log, "sub local");
  try {
    co_yield 1;
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("sub caught ") + e.what());
  }
  co_yield 2;
  co_yield 3;
}

generator<int> sub_does_not_catch(event_log& log) {
  tracer t(log, "sub local");
  co_yield 1;
  log.push_back("sub resumed");
  co_yield 2;
}

generator<int> outer_catches(event_log& log, generator<int> sub) {
  bool caught = false;
  try {
    co_yield yield_from(std::move(sub));
    log.push_back("outer: sub finished");
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("outer caught ") + e.what());
    caught = true;
  }
  if (caught)
    co_yield -1;
  co_yield 4;
}

generator<int> outer_does_not_catch(event_log& log, generator<int> sub) {
  tracer t(log, "outer local");
  co_yield yield_from(std::move(sub));
  co_yield 4;
}

generator<int> sub_throws_itself() {
  co_yield 1;
  throw std::runtime_error("from sub");
}

generator<int> sub_returns_on_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("sub generator_exit");
    co_return; // returns normally: the outer still sees generator_exit
  }
  co_yield 2;
}

generator<int> sub_rethrows_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("sub generator_exit");
    throw;
  }
}

generator<int> sub_yields_on_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("sub generator_exit");
  }
  co_yield 2;
}

generator<int> sub_throws_other_on_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("sub generator_exit");
    throw std::logic_error("sub other");
  }
}

generator<int> outer_records_exit(event_log& log, generator<int> sub) {
  try {
    co_yield yield_from(std::move(sub));
    log.push_back("outer resumed normally");
  } catch (const coflat::generator_exit&) {
    log.push_back("outer generator_exit");
    throw;
  } catch (const std::exception& e) {
    log.push_back(std::string("outer std::exception ") + e.what());
    throw;
  }
  co_yield 5;
}

generator<int> yield_from_lvalue(std::vector<int>& v, event_log& log) {
  co_yield -1;
  co_yield yield_from(v);
  log.push_back("after vector");
  co_yield -2;
}

// (The temporary vectors are built by functions: g++ 12 rejects a braced
// std::initializer_list of class type inside a co_yield/co_await full-expression,
// "array used as initializer", a compiler bug unrelated to coflat.)
std::vector<std::string> strings_abc() { return {"a", "b", "c"}; }
std::vector<int> ints_123() { return {1, 2, 3}; }

generator<std::string> yield_from_rvalue(event_log& log) {
  co_yield "first";
  co_yield yield_from(strings_abc());
  std::vector<std::string> local{"d", "e"};
  co_yield yield_from(std::move(local));
  co_yield yield_from(std::vector<std::string>());
  log.push_back("after vectors");
  co_yield "last";
}

generator<int, int> range_outer(event_log& log) {
  bool caught = false;
  try {
    co_yield yield_from(ints_123());
    log.push_back("range finished");
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("outer caught ") + e.what());
    caught = true;
  } catch (const coflat::generator_exit&) {
    log.push_back("outer generator_exit");
    throw;
  }
  if (caught)
    co_yield -1;
  int v = co_yield 9;
  log.push_back("sent " + std::to_string(v));
}

// depth levels of delegation: yields depth, depth-1, ..., 1, 100, -1, ..., -depth
// and returns depth.
generator<int, void, int> nested(int depth) {
  if (depth == 0) {
    co_yield 100;
    co_return 0;
  }
  co_yield depth;
  int r = co_yield yield_from(nested(depth - 1));
  co_yield -depth;
  co_return r + 1;
}

// A recursive chain: the innermost frame yields first; each frame yields its
// own depth after its sub finished.  Returns the number of frames.
generator<int, int, long> chain(int depth) {
  long frames = 1;
  if (depth > 0)
    frames += co_yield yield_from(chain(depth - 1));
  co_yield depth;
  co_return frames;
}

// A chain whose leaf catches what is thrown in and yields it as a value.
generator<int, int, int> catching_chain(int depth, event_log& log) {
  if (depth > 0) {
    co_return co_yield yield_from(catching_chain(depth - 1, log));
  }
  try {
    co_yield 0;
  } catch (const std::runtime_error& e) {
    log.push_back(std::string("leaf caught ") + e.what());
  }
  co_yield 1;
  co_return 5;
}

generator<int, int> reentrant(generator<int, int>*& self, event_log& log) {
  co_yield 1;
  try {
    self->next();
    log.push_back("no error");
  } catch (const coflat::invalid_state_error&) {
    log.push_back("next: invalid_state_error");
  }
  try {
    self->send(42);
    log.push_back("no error");
  } catch (const coflat::invalid_state_error&) {
    log.push_back("send: invalid_state_error");
  }
  try {
    self->throw_exception(std::runtime_error("x"));
    log.push_back("no error");
  } catch (const coflat::invalid_state_error&) {
    log.push_back("throw_exception: invalid_state_error");
  }
  co_yield 2;
  self->next(); // uncaught: escapes the body
  co_yield 3;
}

generator<int, int> reentrant_sub(generator<int, int>*& self, event_log& log) {
  co_yield 1;
  try {
    self->next();
  } catch (const coflat::invalid_state_error&) {
    log.push_back("sub: invalid_state_error");
  }
  co_yield 2;
}

generator<int, int> reentrant_outer(generator<int, int>*& self, event_log& log) {
  co_yield yield_from(reentrant_sub(self, log));
  co_yield 3;
}

// ---------------------------------------------------------------------------
// next()

TEST(NativeGenerator, NextYieldsEachValueThenNullopt) {
  auto g = count_to(3);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(g.next(), std::nullopt); // stays exhausted
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, EmptyBodyGivesNulloptAtOnce) {
  auto g = count_to(0);
  EXPECT_FALSE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, BodyRunsLazilyOneStepPerNext) {
  event_log log;
  auto g = count_to_logged(2, log);
  EXPECT_TRUE(log.empty()) << "the body must not run before the first next()";
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(log, (event_log{"start", "yield 0"}));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(log, (event_log{"start", "yield 0", "yield 1"}));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(log, (event_log{"start", "yield 0", "yield 1", "end"}));
}

TEST(NativeGenerator, YieldsClassTypesAndCopiesLvalues) {
  auto g = words();
  EXPECT_EQ(drain(g), (std::vector<std::string>{"alpha", "beta", "gamma", "gamma"}));
}

TEST(NativeGenerator, YieldsMoveOnlyValues) {
  auto g = move_only_values();
  auto a = g.next();
  ASSERT_TRUE(a && *a);
  EXPECT_EQ(**a, 1);
  auto b = g.next();
  ASSERT_TRUE(b && *b);
  EXPECT_EQ(**b, 2);
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, ExceptionEscapingBodyPropagatesAndGeneratorIsDone) {
  event_log log;
  auto g = yield_then_throw(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  try {
    g.next();
    FAIL() << "next() did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "boom");
  }
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"+t", "~t"})) << "locals are destroyed as the exception leaves";
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(log, (event_log{"+t", "~t"}));
}

TEST(NativeGenerator, ExceptionBeforeFirstYield) {
  auto g = throw_before_first_yield();
  EXPECT_THROW(g.next(), std::logic_error);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, DoneTracksTheState) {
  auto g = count_to(1);
  EXPECT_FALSE(g.done()); // not started
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_FALSE(g.done()); // suspended at the last co_yield
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_TRUE(g.done());
}

// ---------------------------------------------------------------------------
// send()

TEST(NativeGenerator, SendIsTheValueOfCoYield) {
  auto g = accumulate();
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.send(5), std::optional<int>(5));
  EXPECT_EQ(g.send(10), std::optional<int>(15));
  EXPECT_EQ(g.send(0), std::optional<int>(15));
  EXPECT_EQ(g.send(-1), std::nullopt);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.result(), 15);
  EXPECT_EQ(g.send(3), std::nullopt) << "send to a finished generator";
}

TEST(NativeGenerator, SendBeforeFirstNextThrowsInvalidState) {
  std::vector<int> received;
  auto g = echo_int(received);
  EXPECT_THROW(g.send(1), coflat::invalid_state_error);
  EXPECT_FALSE(g.done()) << "the failed send leaves the generator not started";
  EXPECT_TRUE(received.empty());
  // It can still be started normally.
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.send(7), std::optional<int>(1));
  EXPECT_EQ(received, (std::vector<int>{7}));
}

TEST(NativeGenerator, CoYieldResumedByNextIsValueInitialisedSend) {
  std::vector<int> received;
  auto g = echo_int(received);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.send(9), std::optional<int>(2));
  EXPECT_EQ(g.next(), std::optional<int>(3));
  EXPECT_EQ(received, (std::vector<int>{0, 9, 0}));

  std::vector<std::string> strings;
  auto h = echo_string(strings);
  EXPECT_EQ(h.next(), std::optional<int>(0));
  EXPECT_EQ(h.send("x"), std::optional<int>(1));
  EXPECT_EQ(h.next(), std::optional<int>(2));
  EXPECT_EQ(h.send("y"), std::nullopt);
  EXPECT_EQ(strings, (std::vector<std::string>{"x", "", "y"}));
}

TEST(NativeGenerator, NextOnNonDefaultConstructibleSendRaisesInvalidStateInBody) {
  event_log log;
  auto g = needs_send(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  EXPECT_EQ(log, (event_log{"invalid_state_error"}));

  event_log log2;
  auto h = needs_send(log2);
  EXPECT_EQ(h.next(), std::optional<int>(1));
  EXPECT_EQ(h.send(no_default(3)), std::optional<int>(2));
  EXPECT_EQ(log2, (event_log{"got 3"}));
}

// ---------------------------------------------------------------------------
// throw_exception()

TEST(NativeGenerator, ThrowExceptionCaughtInBodyBodyYieldsAgain) {
  event_log log;
  auto g = catch_runtime_error(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.throw_exception(std::runtime_error("bad")), std::optional<int>(2));
  EXPECT_EQ(log, (event_log{"caught bad"}));
  EXPECT_FALSE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(log, (event_log{"caught bad", "after 2"}));
}

TEST(NativeGenerator, ThrowExceptionPtrOverloadCaughtInBody) {
  event_log log;
  auto g = catch_runtime_error(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  std::exception_ptr e = std::make_exception_ptr(std::runtime_error("via ptr"));
  EXPECT_EQ(g.throw_exception(e), std::optional<int>(2));
  EXPECT_EQ(log, (event_log{"caught via ptr"}));
}

TEST(NativeGenerator, ThrowExceptionOutsideTheTryEscapes) {
  event_log log;
  auto g = catch_runtime_error(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  // Thrown at the second co_yield, outside the try: escapes.
  EXPECT_THROW(g.throw_exception(std::runtime_error("late")), std::runtime_error);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"not thrown"}));
}

TEST(NativeGenerator, ThrowExceptionUncaughtPropagates) {
  event_log log;
  auto g = catch_nothing(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  try {
    g.throw_exception(std::logic_error("uncaught"));
    FAIL() << "throw_exception did not propagate";
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "uncaught");
  }
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"+t", "~t"}));
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, ThrowExceptionPtrUncaughtPropagatesTheSameObject) {
  event_log log;
  auto g = catch_nothing(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  std::exception_ptr e = std::make_exception_ptr(std::logic_error("same"));
  try {
    g.throw_exception(e);
    FAIL() << "throw_exception did not propagate";
  } catch (...) {
    EXPECT_EQ(std::current_exception(), e);
  }
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, ThrowExceptionOnNotStartedGeneratorNeverRunsBody) {
  bool started = false;
  auto g = started_flag(started);
  EXPECT_THROW(g.throw_exception(std::runtime_error("early")), std::runtime_error);
  EXPECT_FALSE(started);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_FALSE(started);

  bool started2 = false;
  auto h = started_flag(started2);
  std::exception_ptr e = std::make_exception_ptr(std::out_of_range("early ptr"));
  EXPECT_THROW(h.throw_exception(e), std::out_of_range);
  EXPECT_FALSE(started2);
  EXPECT_TRUE(h.done());
  EXPECT_EQ(h.next(), std::nullopt);
}

TEST(NativeGenerator, ThrowExceptionOnFinishedGeneratorPropagates) {
  auto g = count_to(1);
  EXPECT_EQ(drain(g), (std::vector<int>{0}));
  EXPECT_THROW(g.throw_exception(std::runtime_error("late")), std::runtime_error);
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, ThrowExceptionOfNonStdType) {
  event_log log;
  auto g = catch_nothing(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_THROW(g.throw_exception(42), int);
  EXPECT_TRUE(g.done());
}

// ---------------------------------------------------------------------------
// close()

TEST(NativeGenerator, CloseRaisesGeneratorExitAtTheSuspension) {
  event_log log;
  auto g = record_exit(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  g.close();
  EXPECT_EQ(log, (event_log{"generator_exit"}));
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, CloseDestroysLocalsByUnwinding) {
  event_log log;
  auto g = catch_nothing(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  g.close();
  EXPECT_EQ(log, (event_log{"+t", "~t"})) << "the local is destroyed by close(), not later";
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, CloseWhenBodyYieldsThrowsRuntimeError) {
  event_log log;
  auto g = ignore_exit(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  try {
    g.close();
    FAIL() << "close() did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "generator ignored generator_exit");
  }
  EXPECT_EQ(log, (event_log{"ignoring"}));
}

TEST(NativeGenerator, CloseWhenBodyReturnsReturnsNormally) {
  event_log log;
  auto g = return_on_exit(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log, (event_log{"returning"}));
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, CloseWhenBodyThrowsOtherExceptionPropagates) {
  auto g = throw_other_on_exit();
  EXPECT_EQ(g.next(), std::optional<int>(1));
  try {
    g.close();
    FAIL() << "close() did not propagate";
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "other");
  }
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, CloseNotStartedIsDoneWithoutRunning) {
  bool started = false;
  auto g = started_flag(started);
  g.close();
  EXPECT_FALSE(started);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_FALSE(started);
}

TEST(NativeGenerator, CloseFinishedOrClosedIsANoOp) {
  auto g = count_to(1);
  EXPECT_EQ(drain(g), (std::vector<int>{0}));
  EXPECT_NO_THROW(g.close());
  EXPECT_TRUE(g.done());

  event_log log;
  auto h = record_exit(log);
  EXPECT_EQ(h.next(), std::optional<int>(1));
  h.close();
  h.close();
  EXPECT_EQ(log, (event_log{"generator_exit"})) << "the second close() must not raise again";
}

TEST(NativeGenerator, GeneratorExitIsNotAStdException) {
  static_assert(!std::is_base_of_v<std::exception, coflat::generator_exit>);
  static_assert(!std::is_base_of_v<std::exception, coflat::cancelled_error>);
  static_assert(std::is_base_of_v<std::exception, coflat::invalid_state_error>);
  static_assert(std::is_base_of_v<coflat::error, coflat::invalid_state_error>);
  static_assert(std::is_base_of_v<std::runtime_error, coflat::error>);

  event_log log;
  auto g = catch_std_exception(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_TRUE(log.empty()) << "catch (const std::exception&) swallowed generator_exit";
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, CancelledErrorIsNotCaughtAsStdException) {
  event_log log;
  auto g = catch_std_exception(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_THROW(g.throw_exception(coflat::cancelled_error{}), coflat::cancelled_error);
  EXPECT_TRUE(log.empty()) << "catch (const std::exception&) swallowed cancelled_error";
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, StdExceptionHandlerStillCatchesStdExceptions) {
  event_log log;
  auto g = catch_std_exception(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.throw_exception(std::runtime_error("r")), std::optional<int>(2));
  EXPECT_EQ(g.next(), std::optional<int>(3));
  EXPECT_EQ(log, (event_log{"std::exception r", "after try"}));
}

// ---------------------------------------------------------------------------
// result()

TEST(NativeGenerator, ResultBeforeFinishingThrowsInvalidState) {
  auto g = returns(7, 2);
  static_assert(std::is_same_v<decltype(g.result()), int&>);
  EXPECT_THROW(g.result(), coflat::invalid_state_error); // not started
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_THROW(g.result(), coflat::invalid_state_error); // suspended
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_THROW(g.result(), coflat::invalid_state_error);
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(g.result(), 7);
  g.result() = 8; // a reference to the stored value
  EXPECT_EQ(g.result(), 8);
}

TEST(NativeGenerator, ResultOfMoveOnlyReturn) {
  auto g = returns_move_only(5);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.next(), std::nullopt);
  std::unique_ptr<int> p = std::move(g.result());
  ASSERT_TRUE(p);
  EXPECT_EQ(*p, 5);
}

TEST(NativeGenerator, ResultOfVoidGenerator) {
  auto g = count_to(1);
  EXPECT_THROW(g.result(), coflat::invalid_state_error);
  EXPECT_EQ(drain(g), (std::vector<int>{0}));
  EXPECT_NO_THROW(g.result());
}

TEST(NativeGenerator, ResultAfterExceptionOrCloseIsNotAvailable) {
  auto g = returns(1, 1);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_THROW(g.throw_exception(std::runtime_error("x")), std::runtime_error);
  EXPECT_TRUE(g.done());
  EXPECT_THROW(g.result(), coflat::invalid_state_error);

  auto h = returns(1, 1);
  EXPECT_EQ(h.next(), std::optional<int>(0));
  h.close();
  EXPECT_THROW(h.result(), coflat::invalid_state_error);
}

// ---------------------------------------------------------------------------
// Range-for

TEST(NativeGenerator, RangeFor) {
  std::vector<int> seen;
  for (int v : count_to(5))
    seen.push_back(v);
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3, 4}));

  std::vector<std::string> strings;
  auto g = words();
  for (auto&& s : g)
    strings.push_back(s);
  EXPECT_EQ(strings, (std::vector<std::string>{"alpha", "beta", "gamma", "gamma"}));
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, RangeForOnEmptyGenerator) {
  int iterations = 0;
  for (int v : count_to(0)) {
    (void)v;
    ++iterations;
  }
  EXPECT_EQ(iterations, 0);
}

TEST(NativeGenerator, RangeForBreakLeavesGeneratorSuspended) {
  auto g = count_to(5);
  std::vector<int> seen;
  for (int v : g) {
    seen.push_back(v);
    if (v == 2)
      break;
  }
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2}));
  EXPECT_FALSE(g.done());
  EXPECT_EQ(g.next(), std::optional<int>(3));
  EXPECT_EQ(g.next(), std::optional<int>(4));
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, RangeForPropagatesExceptions) {
  event_log log;
  std::vector<int> seen;
  auto g = yield_then_throw(log);
  EXPECT_THROW(
      {
        for (int v : g)
          seen.push_back(v);
      },
      std::runtime_error);
  EXPECT_EQ(seen, (std::vector<int>{1}));
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, RangeForMutatesThroughReference) {
  std::vector<std::string> seen;
  for (auto& s : words()) {
    s += "!";
    seen.push_back(s);
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"alpha!", "beta!", "gamma!", "gamma!"}));
}

// ---------------------------------------------------------------------------
// Move-only ownership

TEST(NativeGenerator, IsMoveOnly) {
  using G = generator<int, int, int>;
  static_assert(!std::is_copy_constructible_v<G>);
  static_assert(!std::is_copy_assignable_v<G>);
  static_assert(std::is_nothrow_move_constructible_v<G>);
  static_assert(std::is_nothrow_move_assignable_v<G>);
  static_assert(std::is_same_v<G::value_type, int>);

  auto g = count_to(3);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  generator<int> moved = std::move(g);
  EXPECT_TRUE(g.done()); // NOLINT(bugprone-use-after-move): moved-from is done
  EXPECT_THROW(g.next(), coflat::invalid_state_error);
  EXPECT_THROW(g.close(), coflat::invalid_state_error);
  EXPECT_EQ(moved.next(), std::optional<int>(1));
  EXPECT_EQ(moved.next(), std::optional<int>(2));
  EXPECT_EQ(moved.next(), std::nullopt);
}

TEST(NativeGenerator, MoveAssignmentDestroysTheOldFrame) {
  event_log log;
  auto g = traced_locals(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  g = count_to(2);
  EXPECT_EQ(log, (event_log{"+a", "+b", "~b", "~a"}));
  EXPECT_EQ(drain(g), (std::vector<int>{0, 1}));

  auto h = count_to(4);
  h = std::move(g);
  EXPECT_TRUE(h.done());
}

// ---------------------------------------------------------------------------
// Destruction

TEST(NativeGenerator, DestroyingSuspendedGeneratorDestroysLiveLocalsInReverse) {
  event_log log;
  {
    auto g = traced_locals(log);
    EXPECT_EQ(g.next(), std::optional<int>(1));
    EXPECT_EQ(log, (event_log{"+a", "+b"}));
  }
  EXPECT_EQ(log, (event_log{"+a", "+b", "~b", "~a"})) << "no resumption, reverse order";
}

TEST(NativeGenerator, DestroyingDestroysExactlyTheObjectsLiveAtTheSuspension) {
  event_log log;
  {
    auto g = traced_scopes(log);
    EXPECT_EQ(g.next(), std::optional<int>(1));
    EXPECT_EQ(g.next(), std::optional<int>(2));
  }
  EXPECT_EQ(log, (event_log{"+a", "+b", "~b", "+c", "+d", "+e", "~e", "~d", "~c", "~a"}));

  event_log log2;
  {
    auto g = traced_scopes(log2);
    EXPECT_EQ(g.next(), std::optional<int>(1));
  }
  EXPECT_EQ(log2, (event_log{"+a", "+b", "~b", "~a"}));
}

TEST(NativeGenerator, DestroyingNotStartedOrFinishedGenerator) {
  event_log log;
  { auto g = traced_locals(log); }
  EXPECT_TRUE(log.empty());
  {
    auto g = traced_locals(log);
    EXPECT_EQ(drain(g), (std::vector<int>{1, 2}));
    EXPECT_EQ(log, (event_log{"+a", "+b", "resumed", "+c", "~c", "~b", "~a"}));
  }
  EXPECT_EQ(log.size(), 7u) << "nothing destroyed twice";
}

TEST(NativeGenerator, DestroyingDelegatingGeneratorDestroysTheSub) {
  event_log log;
  {
    auto g = outer_does_not_catch(log, sub_does_not_catch(log));
    EXPECT_EQ(g.next(), std::optional<int>(1));
    EXPECT_EQ(log, (event_log{"+outer local", "+sub local"}));
  }
  EXPECT_EQ(log, (event_log{"+outer local", "+sub local", "~sub local", "~outer local"}));
}

// ---------------------------------------------------------------------------
// yield_from(generator)

TEST(NativeGenerator, YieldFromGeneratorYieldsItsValuesAndEvaluatesToItsResult) {
  event_log log;
  auto g = outer_with_result(log);
  EXPECT_EQ(drain(g), (std::vector<int>{0, 1, 2, 42}));
  EXPECT_EQ(log, (event_log{"sub returned 42"}));
  EXPECT_EQ(g.result(), "done 42");
}

TEST(NativeGenerator, YieldFromVoidGenerator) {
  event_log log;
  auto g = outer_of_void_sub(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(10));
  EXPECT_EQ(g.next(), std::optional<int>(11));
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(g.next(), std::optional<int>(2));
  EXPECT_EQ(log, (event_log{"after void sub"}));
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, YieldFromFinishedGeneratorGivesItsResultAtOnce) {
  auto sub = sub_returning(1, 1, 9);
  EXPECT_EQ(drain(sub), (std::vector<int>{1}));
  struct outer_fn {
    static generator<int, int, int> run(generator<int, int, int> s) {
      int r = co_yield yield_from(std::move(s));
      co_yield r;
      co_return r;
    }
  };
  auto g = outer_fn::run(std::move(sub));
  EXPECT_EQ(drain(g), (std::vector<int>{9}));
}

TEST(NativeGenerator, YieldFromPartiallyConsumedGeneratorContinuesIt) {
  auto sub = sub_returning(1, 3, 9);
  EXPECT_EQ(sub.next(), std::optional<int>(1));
  struct outer_fn {
    static generator<int, int, int> run(generator<int, int, int> s) {
      int r = co_yield yield_from(std::move(s));
      co_yield r;
      co_return r;
    }
  };
  auto g = outer_fn::run(std::move(sub));
  EXPECT_EQ(drain(g), (std::vector<int>{2, 3, 9}));
}

TEST(NativeGenerator, YieldFromForwardsSendToTheSub) {
  std::vector<int> sub_received, outer_received;
  auto g = send_outer(sub_received, outer_received);
  EXPECT_EQ(g.next(), std::optional<int>(100));
  EXPECT_EQ(g.send(1), std::optional<int>(101));
  EXPECT_EQ(g.next(), std::optional<int>(102)); // next() sends a value-initialised int
  EXPECT_EQ(g.send(5), std::optional<int>(103));
  EXPECT_EQ(sub_received, (std::vector<int>{1, 0, 5}));
  // A negative send makes the sub return its sum: the outer yields it.
  EXPECT_EQ(g.send(-1), std::optional<int>(6));
  EXPECT_EQ(sub_received, (std::vector<int>{1, 0, 5, -1}));
  EXPECT_TRUE(outer_received.empty());
  // Now sends reach the outer again.
  EXPECT_EQ(g.send(77), std::optional<int>(-2));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(outer_received, (std::vector<int>{77, 0}));
  EXPECT_EQ(g.result(), 6);
}

TEST(NativeGenerator, YieldFromForwardsThrowToSubThatCatches) {
  event_log log;
  auto g = outer_catches(log, sub_catches(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.throw_exception(std::runtime_error("in")), std::optional<int>(2));
  EXPECT_EQ(g.next(), std::optional<int>(3));
  EXPECT_EQ(g.next(), std::optional<int>(4));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(log, (event_log{"+sub local", "sub caught in", "~sub local", "outer: sub finished"}));
}

TEST(NativeGenerator, YieldFromRaisesUnhandledSubExceptionInTheOuter) {
  event_log log;
  auto g = outer_catches(log, sub_does_not_catch(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.throw_exception(std::runtime_error("in")), std::optional<int>(-1));
  EXPECT_EQ(log, (event_log{"+sub local", "~sub local", "outer caught in"}));
  EXPECT_EQ(g.next(), std::optional<int>(4));
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, YieldFromExceptionPropagatesThroughOuterThatDoesNotCatch) {
  event_log log;
  auto g = outer_does_not_catch(log, sub_does_not_catch(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_THROW(g.throw_exception(std::logic_error("in")), std::logic_error);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"+outer local", "+sub local", "~sub local", "~outer local"}));
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(NativeGenerator, YieldFromRaisesExceptionThrownBySubItself) {
  event_log log;
  auto g = outer_catches(log, sub_throws_itself());
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(log, (event_log{"outer caught from sub"}));
}

TEST(NativeGenerator, YieldFromForwardsCloseEvenWhenSubReturnsNormally) {
  event_log log;
  auto g = outer_records_exit(log, sub_returns_on_exit(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log, (event_log{"sub generator_exit", "outer generator_exit"}));
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, YieldFromForwardsCloseWhenSubRethrows) {
  event_log log;
  auto g = outer_records_exit(log, sub_rethrows_exit(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log, (event_log{"sub generator_exit", "outer generator_exit"}));
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, YieldFromCloseWhenSubYieldsRaisesRuntimeErrorInOuter) {
  event_log log;
  auto g = outer_records_exit(log, sub_yields_on_exit(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  try {
    g.close();
    FAIL() << "close() did not throw";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "generator ignored generator_exit");
  }
  EXPECT_EQ(log, (event_log{"sub generator_exit",
                            "outer std::exception generator ignored generator_exit"}));
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, YieldFromCloseWhenSubThrowsOtherPropagates) {
  event_log log;
  auto g = outer_records_exit(log, sub_throws_other_on_exit(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_THROW(g.close(), std::logic_error);
  EXPECT_EQ(log, (event_log{"sub generator_exit", "outer std::exception sub other"}));
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, CloseAfterSubFinishedRaisesAtTheOutersOwnCoYield) {
  event_log log;
  auto g = outer_records_exit(log, void_sub());
  EXPECT_EQ(g.next(), std::optional<int>(10));
  EXPECT_EQ(g.next(), std::optional<int>(11));
  EXPECT_EQ(g.next(), std::optional<int>(5));
  EXPECT_EQ(log, (event_log{"outer resumed normally"}));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log, (event_log{"outer resumed normally"}));
  EXPECT_TRUE(g.done());
}

// ---------------------------------------------------------------------------
// yield_from(range)

TEST(NativeGenerator, YieldFromLvalueVectorRefersToIt) {
  std::vector<int> v{1, 2, 3};
  event_log log;
  auto g = yield_from_lvalue(v, log);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  v[1] = 20; // not copied: the change is seen
  v[2] = 30;
  EXPECT_EQ(g.next(), std::optional<int>(20));
  EXPECT_EQ(g.next(), std::optional<int>(30));
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(g.next(), std::optional<int>(-2));
  EXPECT_EQ(log, (event_log{"after vector"}));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(v, (std::vector<int>{1, 20, 30}));
}

TEST(NativeGenerator, YieldFromRvalueVector) {
  event_log log;
  auto g = yield_from_rvalue(log);
  EXPECT_EQ(drain(g), (std::vector<std::string>{"first", "a", "b", "c", "d", "e", "last"}));
  EXPECT_EQ(log, (event_log{"after vectors"}));
}

TEST(NativeGenerator, YieldFromRangeThrowIsRaisedAtTheDelegatingCoYield) {
  event_log log;
  auto g = range_outer(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.throw_exception(std::runtime_error("r")), std::optional<int>(-1));
  EXPECT_EQ(log, (event_log{"outer caught r"}));
  EXPECT_EQ(g.next(), std::optional<int>(9));
}

TEST(NativeGenerator, YieldFromRangeIgnoresSends) {
  event_log log;
  auto g = range_outer(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.send(50), std::optional<int>(2));
  EXPECT_EQ(g.send(51), std::optional<int>(3));
  EXPECT_EQ(g.send(52), std::optional<int>(9));
  EXPECT_EQ(log, (event_log{"range finished"}));
  EXPECT_EQ(g.send(53), std::nullopt);
  EXPECT_EQ(log, (event_log{"range finished", "sent 53"}));
}

TEST(NativeGenerator, YieldFromRangeClose) {
  event_log log;
  auto g = range_outer(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log, (event_log{"outer generator_exit"}));
  EXPECT_TRUE(g.done());
}

// ---------------------------------------------------------------------------
// Deep delegation

TEST(NativeGenerator, NestedDelegationTwentyDeep) {
  auto g = nested(20);
  std::vector<int> expected;
  for (int d = 20; d >= 1; --d)
    expected.push_back(d);
  expected.push_back(100);
  for (int d = 1; d <= 20; ++d)
    expected.push_back(-d);
  EXPECT_EQ(drain(g), expected);
  EXPECT_EQ(g.result(), 20);
}

TEST(NativeGenerator, NestedDelegationTwentyDeepSendAndThrowReachTheLeaf) {
  event_log log;
  auto g = catching_chain(20, log);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.throw_exception(std::runtime_error("deep")), std::optional<int>(1));
  EXPECT_EQ(log, (event_log{"leaf caught deep"}));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(g.result(), 5);
}

TEST(NativeGenerator, RecursiveDelegationTenThousandDeep) {
  constexpr int depth = 10000;
  auto g = chain(depth);
  int expected = 0;
  int count = 0;
  while (auto v = g.next()) {
    ASSERT_EQ(*v, expected) << "at element " << count;
    ++expected;
    ++count;
  }
  EXPECT_EQ(count, depth + 1);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.result(), depth + 1);
}

TEST(NativeGenerator, RecursiveDelegationTenThousandDeepThrowAndClose) {
  constexpr int depth = 10000;
  event_log log;
  auto g = catching_chain(depth, log);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.throw_exception(std::runtime_error("deep")), std::optional<int>(1));
  EXPECT_EQ(log, (event_log{"leaf caught deep"}));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(g.result(), 5);

  auto h = chain(depth);
  EXPECT_EQ(h.next(), std::optional<int>(0));
  EXPECT_NO_THROW(h.close());
  EXPECT_TRUE(h.done());

  auto k = chain(depth);
  EXPECT_EQ(k.next(), std::optional<int>(0));
  EXPECT_THROW(k.throw_exception(std::logic_error("up")), std::logic_error);
  EXPECT_TRUE(k.done());
}

TEST(NativeGenerator, DestroyingSuspendedDeepChainDestroysEveryFrame) {
  event_log log;
  struct fn {
    static generator<int> traced_chain(int depth, event_log& log) {
      tracer t(log, std::to_string(depth));
      if (depth > 0)
        co_yield yield_from(traced_chain(depth - 1, log));
      co_yield depth;
    }
  };
  {
    auto g = fn::traced_chain(1000, log);
    EXPECT_EQ(g.next(), std::optional<int>(0));
    EXPECT_EQ(log.size(), 1001u);
  }
  ASSERT_EQ(log.size(), 2002u);
  EXPECT_EQ(log[1000], "+0");
  EXPECT_EQ(log[1001], "~0") << "the innermost frame is destroyed first";
  EXPECT_EQ(log[2001], "~1000");
}

// ---------------------------------------------------------------------------
// Re-entrancy

TEST(NativeGenerator, ReentrantCallsFromTheBodyThrowInvalidState) {
  event_log log;
  generator<int, int>* self = nullptr;
  auto g = reentrant(self, log);
  self = &g;
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  EXPECT_EQ(log, (event_log{"next: invalid_state_error", "send: invalid_state_error",
                            "throw_exception: invalid_state_error"}));
  EXPECT_THROW(g.next(), coflat::invalid_state_error);
  EXPECT_TRUE(g.done());
}

TEST(NativeGenerator, ReentrantNextFromADelegatedSubThrowsInvalidState) {
  event_log log;
  generator<int, int>* self = nullptr;
  auto g = reentrant_outer(self, log);
  self = &g;
  EXPECT_EQ(drain(g), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(log, (event_log{"sub: invalid_state_error"}));
}

// ---------------------------------------------------------------------------
// Regression tests for delegation corner cases (each once a runtime bug).

// Python:  m = middle(); next(m) == 1; list(outer(m)) == [2, 3]
// where middle() delegates to inner() and is suspended inside that delegation
// when it is handed to outer.
generator<int, void, int> inner_of_middle() {
  co_yield 1;
  co_yield 2;
  co_return 20;
}
generator<int, void, int> middle_delegating() {
  int r = co_yield yield_from(inner_of_middle());
  co_yield 3;
  co_return r;
}
generator<int, void, int> outer_of_middle(generator<int, void, int> m) {
  int r = co_yield yield_from(std::move(m));
  co_return r;
}

// Regression (bug 1, fixed): delegate_awaiter::await_suspend links only the sub's own
// frame (coflat_delegate_to(sub_.state_)) as the chain's leaf, not the sub's
// current leaf, so the sub's pending delegation is resumed as if it had
// finished: here next() throws invalid_state_error ("generator has not
// returned a value") instead of yielding 2 (with a void Return the 2 is
// silently skipped).
TEST(NativeGenerator, YieldFromGeneratorSuspendedInsideItsOwnDelegation) {
  auto m = middle_delegating();
  EXPECT_EQ(m.next(), std::optional<int>(1));
  auto g = outer_of_middle(std::move(m));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  EXPECT_EQ(g.next(), std::optional<int>(3));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(g.result(), 20);
}

generator<int> void_inner_of_middle() {
  co_yield 1;
  co_yield 2;
}
generator<int> void_middle_delegating() {
  co_yield yield_from(void_inner_of_middle());
  co_yield 3;
}
generator<int> void_outer_of_middle(generator<int> m) { co_yield yield_from(std::move(m)); }

TEST(NativeGenerator, YieldFromVoidGeneratorSuspendedInsideItsOwnDelegation) {
  auto m = void_middle_delegating();
  EXPECT_EQ(m.next(), std::optional<int>(1));
  auto g = void_outer_of_middle(std::move(m));
  EXPECT_EQ(drain(g), (std::vector<int>{2, 3}));
}

// A send() refused because the generator is running must not leave its value
// behind for the next co_yield resumed by next().
generator<int, int> reentrant_send(generator<int, int>*& self, std::vector<int>& received) {
  co_yield 1;
  try {
    self->send(42);
  } catch (const coflat::invalid_state_error&) {
  }
  int v = co_yield 2;
  received.push_back(v);
}

// Regression (bug 2, fixed): generator::send() stores the value in the leaf's slot before
// resume() checks for re-entrancy, so a refused send() leaves its value to
// the next co_yield resumed by next() (here 42 instead of int{}).
TEST(NativeGenerator, RefusedReentrantSendDoesNotLeakItsValue) {
  std::vector<int> received;
  generator<int, int>* self = nullptr;
  auto g = reentrant_send(self, received);
  self = &g;
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(received, (std::vector<int>{0})) << "co_yield resumed by next() must be int{}";
}

// Regression (bug 3, fixed): when close() is forwarded to a
// sub that catches generator_exit and then starts a new delegation whose
// leaf yields, the "generator ignored generator_exit" runtime_error is raised
// in the sub (the leaf's parent) instead of in the frame that delegated to
// the sub (Python: sub.close() raises RuntimeError in the outer; the sub
// never sees it).  Python prints: close raised, log == ['sub generator_exit',
// 'outer exception generator ignored GeneratorExit'].
generator<int> sub_delegates_after_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("sub generator_exit");
  }
  try {
    co_yield yield_from(void_sub());
  } catch (const std::exception& e) {
    log.push_back(std::string("sub caught ") + e.what());
  }
}

TEST(NativeGenerator, CloseForwardedToSubThatDelegatesAfterGeneratorExit) {
  event_log log;
  auto g = outer_records_exit(log, sub_delegates_after_exit(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_THROW(g.close(), std::runtime_error);
  EXPECT_EQ(log, (event_log{"sub generator_exit",
                            "outer std::exception generator ignored generator_exit"}));
}

// The same bug, other face: a delegation the closing sub starts and that
// finishes normally gets generator_exit raised at its yield_from instead of
// evaluating to its result.  Python: log == ['sub generator_exit', 'sub got 5',
// 'outer generator_exit'] and close() returns normally.
generator<int, void, int> returns_five() { co_return 5; }

generator<int> sub_delegates_to_finished_after_exit(event_log& log) {
  try {
    co_yield 1;
  } catch (const coflat::generator_exit&) {
    log.push_back("sub generator_exit");
  }
  try {
    int r = co_yield yield_from(returns_five());
    log.push_back("sub got " + std::to_string(r));
  } catch (const coflat::generator_exit&) {
    log.push_back("sub generator_exit again");
  }
}

TEST(NativeGenerator, CloseForwardedToSubWhoseNewDelegationReturns) {
  event_log log;
  auto g = outer_records_exit(log, sub_delegates_to_finished_after_exit(log));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log, (event_log{"sub generator_exit", "sub got 5", "outer generator_exit"}));
  EXPECT_TRUE(g.done());
}

// Regression (bug 4, fixed): send() is declared `template <class S = Send, class =
// enable_if_t<!is_void_v<S>>> send(S)`, so S is deduced from the argument and
// the constraint tests the argument's type, not Send: generator<int> (Send =
// void) still offers a send(int) that fails only inside its body.
template <class G> concept can_send_int = requires(G& g) { g.send(1); };

TEST(NativeGenerator, SendIsOnlyDeclaredWhenSendIsNotVoid) {
  EXPECT_FALSE(can_send_int<generator<int>>);
  EXPECT_FALSE((can_send_int<generator<int, void, int>>));
  EXPECT_TRUE((can_send_int<generator<int, int>>));
}

// Destroying a generator suspended inside a 10000-deep delegation chain
// (once a recursion N frames deep, which overflowed the stack under
// AddressSanitizer) is iterative: leaf first, each sub taken from its
// parent's awaiter.
TEST(NativeGenerator, DestroyingTenThousandDeepSuspendedChain) {
  auto g = chain(10000);
  EXPECT_EQ(g.next(), std::optional<int>(0));
}

} // namespace
