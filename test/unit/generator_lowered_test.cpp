// Unit tests of coflat::generator driving hand-lowered frames, compiled as
// C++17 (no coroutines).  Each frame below is written the way the coflat tool
// lowers the C++20 coroutine quoted above it: a struct that derives from
// coflat::detail::generator_state, holds the parameters, the locals that span
// a suspension and the awaiters, and implements coflat_resume() as a switch
// over its suspension points (nested dispatch at try blocks and scopes) and
// coflat_destroy() that destroys exactly the objects live at the suspension.
// This proves the runtime's lowered-frame interface independently of the tool.
#include <coflat/coflat.h>

#include "lowered_support.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__cpp_impl_coroutine)
#error "generator_lowered_test.cpp must be compiled as C++17, without coroutines"
#endif

namespace {

namespace cd = coflat::detail;
using coflat::generator;
using coflat_test::drain;
using coflat_test::event_log;
using coflat_test::tracer;

using gen = generator<int, int, int>;
using gen_state = cd::generator_state<int, int, int>;

using coflat_test::destroy_when_done;
using coflat_test::slot;

// ---------------------------------------------------------------------------
// generator<int, int, int> counter(int n) {
//   if (n < 0)
//     throw std::invalid_argument("negative");
//   int total = 0;
//   for (int i = 0; i < n; ++i) {
//     int got = co_yield i;
//     total += got;
//   }
//   co_return total;
// }
struct counter_frame final : gen_state {
  int n;
  int total;
  int i;
  int got;
  slot<yield_awaiter> aw1;

  explicit counter_frame(int n_) : n(n_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    if (n < 0)
      throw std::invalid_argument("negative");
    total = 0;
    for (i = 0; i < n; ++i) {
      ::new (cd::addr(aw1.value)) yield_awaiter(this->coflat_yield_value(i));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        aw1.value.await_suspend(cd::frame_handle(this));
        return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<yield_awaiter> d{aw1.value};
        got = aw1.value.await_resume();
      }
      total += got;
    }
    this->coflat_return_value(total);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

gen counter(int n) { return gen(new counter_frame(n)); }

// ---------------------------------------------------------------------------
// generator<int, int, int> guarded(event_log& log) {
//   tracer a(log, "a");
//   for (int i = 0; i < 3; ++i) {
//     tracer b(log, "b" + std::to_string(i));
//     bool caught = false;
//     try {
//       int v = co_yield i;
//       log.push_back("got " + std::to_string(v));
//     } catch (const std::logic_error& e) {
//       log.push_back(std::string("caught ") + e.what());
//       caught = true;
//     } catch (const coflat::generator_exit&) {
//       log.push_back("generator_exit");
//       throw;
//     }
//     if (caught)
//       co_yield -1;
//   }
//   co_return 100;
// }
//
// Scope 1 is the body (a), scope 2 the loop body (b); both contain
// suspensions, so they are re-entered through nested dispatch, and their
// objects are destroyed by scope guards on every exit but a suspension.
struct guarded_frame final : gen_state {
  event_log& log;
  slot<tracer> a;
  bool a_live = false;
  int i;
  slot<tracer> b;
  bool b_live = false;
  bool caught;
  int v;
  slot<yield_awaiter> aw1;
  slot<yield_awaiter> aw2;

  explicit guarded_frame(event_log& log_) : log(log_) {}

  void coflat_unwind(int scope, int) noexcept {
    switch (scope) {
    case 2:
      if (b_live) {
        b_live = false;
        cd::destroy_at(b.value);
      }
      break;
    case 1:
      if (a_live) {
        a_live = false;
        cd::destroy_at(a.value);
      }
      break;
    }
  }

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
    case 2:
      goto scope_1;
    default:
      return;
    }
  scope_1: {
    cd::scope_guard<guarded_frame> guard1(this, 1);
    switch (this->coflat_state) {
    case 1:
    case 2:
      goto scope_2;
    default:
      break;
    }
    ::new (cd::addr(a.value)) tracer(log, "a");
    a_live = true;
    for (i = 0; i < 3; ++i) {
    scope_2: {
      cd::scope_guard<guarded_frame> guard2(this, 2);
      switch (this->coflat_state) {
      case 1:
        goto try_1;
      case 2:
        goto resume_2;
      default:
        break;
      }
      ::new (cd::addr(b.value)) tracer(log, "b" + std::to_string(i));
      b_live = true;
      caught = false;
    try_1:
      try {
        switch (this->coflat_state) {
        case 1:
          goto resume_1;
        default:
          break;
        }
        ::new (cd::addr(aw1.value)) yield_awaiter(this->coflat_yield_value(i));
        if (!aw1.value.await_ready()) {
          this->coflat_state = 1;
          aw1.value.await_suspend(cd::frame_handle(this));
          return;
        }
      resume_1:
        this->coflat_state = cd::state_running;
        {
          destroy_when_done<yield_awaiter> d{aw1.value};
          v = aw1.value.await_resume();
        }
        log.push_back("got " + std::to_string(v));
      } catch (const std::logic_error& e) {
        log.push_back(std::string("caught ") + e.what());
        caught = true;
      } catch (const coflat::generator_exit&) {
        log.push_back("generator_exit");
        throw;
      }
      if (caught) {
        ::new (cd::addr(aw2.value)) yield_awaiter(this->coflat_yield_value(-1));
        if (!aw2.value.await_ready()) {
          this->coflat_state = 2;
          aw2.value.await_suspend(cd::frame_handle(this));
          return;
        }
      resume_2:
        this->coflat_state = cd::state_running;
        destroy_when_done<yield_awaiter> d{aw2.value};
        aw2.value.await_resume();
      }
    }
    }
    this->coflat_return_value(100);
  }
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    default:
      break;
    }
    coflat_unwind(2, 0);
    coflat_unwind(1, 0);
    delete this;
  }
};

gen guarded(event_log& log) { return gen(new guarded_frame(log)); }

// ---------------------------------------------------------------------------
// generator<int, int, int> returns_on_exit(event_log& log) {
//   try {
//     co_yield 1;
//   } catch (const coflat::generator_exit&) {
//     log.push_back("sub returns");
//     co_return 5;
//   }
//   co_return 0;
// }
struct returns_on_exit_frame final : gen_state {
  event_log& log;
  slot<yield_awaiter> aw1;

  explicit returns_on_exit_frame(event_log& log_) : log(log_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto try_1;
    default:
      return;
    }
  try_1:
    try {
      switch (this->coflat_state) {
      case 1:
        goto resume_1;
      default:
        break;
      }
      ::new (cd::addr(aw1.value)) yield_awaiter(this->coflat_yield_value(1));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        aw1.value.await_suspend(cd::frame_handle(this));
        return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      destroy_when_done<yield_awaiter> d{aw1.value};
      aw1.value.await_resume();
    } catch (const coflat::generator_exit&) {
      log.push_back("sub returns");
      this->coflat_return_value(5);
      this->coflat_state = cd::state_done;
      return;
    }
    this->coflat_return_value(0);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

gen returns_on_exit(event_log& log) { return gen(new returns_on_exit_frame(log)); }

// ---------------------------------------------------------------------------
// generator<int, int, int> delegator(event_log& log, generator<int, int, int> sub,
//                                    std::vector<int>& extra) {
//   co_yield -1;
//   int r;
//   try {
//     r = co_yield coflat::yield_from(std::move(sub));
//   } catch (const std::runtime_error& e) {
//     log.push_back(std::string("outer caught ") + e.what());
//     r = -100;
//   } catch (const coflat::generator_exit&) {
//     log.push_back("outer generator_exit");
//     throw;
//   }
//   co_yield r;
//   co_yield coflat::yield_from(std::vector<int>{7, 8});
//   co_yield coflat::yield_from(extra);
//   co_return r * 2;
// }
struct delegator_frame final : gen_state {
  using vector_awaiter = range_awaiter<std::vector<int>>;
  using extra_awaiter = range_awaiter<std::vector<int>&>;

  event_log& log;
  gen sub;
  std::vector<int>& extra;
  int r;
  slot<yield_awaiter> aw1;
  slot<delegate_awaiter<int>> aw2;
  slot<yield_awaiter> aw3;
  slot<vector_awaiter> aw4;
  slot<extra_awaiter> aw5;

  delegator_frame(event_log& log_, gen sub_, std::vector<int>& extra_)
      : log(log_), sub(std::move(sub_)), extra(extra_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    case 2:
      goto try_2;
    case 3:
      goto resume_3;
    case 4:
      goto resume_4;
    case 5:
      goto resume_5;
    default:
      return;
    }
    ::new (cd::addr(aw1.value)) yield_awaiter(this->coflat_yield_value(-1));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      aw1.value.await_suspend(cd::frame_handle(this));
      return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<yield_awaiter> d{aw1.value};
      aw1.value.await_resume();
    }
  try_2:
    try {
      switch (this->coflat_state) {
      case 2:
        goto resume_2;
      default:
        break;
      }
      ::new (cd::addr(aw2.value))
          delegate_awaiter<int>(this->coflat_yield_value(coflat::yield_from(std::move(sub))));
      if (!aw2.value.await_ready()) {
        this->coflat_state = 2;
        aw2.value.await_suspend(cd::frame_handle(this));
        return;
      }
    resume_2:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<delegate_awaiter<int>> d{aw2.value};
        r = aw2.value.await_resume();
      }
    } catch (const std::runtime_error& e) {
      log.push_back(std::string("outer caught ") + e.what());
      r = -100;
    } catch (const coflat::generator_exit&) {
      log.push_back("outer generator_exit");
      throw;
    }
    ::new (cd::addr(aw3.value)) yield_awaiter(this->coflat_yield_value(r));
    if (!aw3.value.await_ready()) {
      this->coflat_state = 3;
      aw3.value.await_suspend(cd::frame_handle(this));
      return;
    }
  resume_3:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<yield_awaiter> d{aw3.value};
      aw3.value.await_resume();
    }
    ::new (cd::addr(aw4.value))
        vector_awaiter(this->coflat_yield_value(coflat::yield_from(std::vector<int>{7, 8})));
    if (!aw4.value.await_ready()) {
      this->coflat_state = 4;
      aw4.value.await_suspend(cd::frame_handle(this));
      return;
    }
  resume_4:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<vector_awaiter> d{aw4.value};
      aw4.value.await_resume();
    }
    ::new (cd::addr(aw5.value)) extra_awaiter(this->coflat_yield_value(coflat::yield_from(extra)));
    if (!aw5.value.await_ready()) {
      this->coflat_state = 5;
      aw5.value.await_suspend(cd::frame_handle(this));
      return;
    }
  resume_5:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<extra_awaiter> d{aw5.value};
      aw5.value.await_resume();
    }
    this->coflat_return_value(r * 2);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    switch (this->coflat_state) {
    case 1:
      cd::destroy_at(aw1.value);
      break;
    case 2:
      cd::destroy_at(aw2.value);
      break;
    case 3:
      cd::destroy_at(aw3.value);
      break;
    case 4:
      cd::destroy_at(aw4.value);
      break;
    case 5:
      cd::destroy_at(aw5.value);
      break;
    default:
      break;
    }
    delete this;
  }
};

gen delegator(event_log& log, gen sub, std::vector<int>& extra) {
  return gen(new delegator_frame(log, std::move(sub), extra));
}

// ---------------------------------------------------------------------------
// generator<int, int, int> rec(int depth) {
//   int frames = 1;
//   if (depth > 0)
//     frames += co_yield coflat::yield_from(rec(depth - 1));
//   co_yield depth;
//   co_return frames;
// }
gen rec(int depth);

struct rec_frame final : gen_state {
  int depth;
  int frames;
  slot<delegate_awaiter<int>> aw1;
  slot<yield_awaiter> aw2;

  explicit rec_frame(int depth_) : depth(depth_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    case 2:
      goto resume_2;
    default:
      return;
    }
    frames = 1;
    if (depth > 0) {
      ::new (cd::addr(aw1.value))
          delegate_awaiter<int>(this->coflat_yield_value(coflat::yield_from(rec(depth - 1))));
      if (!aw1.value.await_ready()) {
        this->coflat_state = 1;
        aw1.value.await_suspend(cd::frame_handle(this));
        return;
      }
    resume_1:
      this->coflat_state = cd::state_running;
      {
        destroy_when_done<delegate_awaiter<int>> d{aw1.value};
        frames += aw1.value.await_resume();
      }
    }
    ::new (cd::addr(aw2.value)) yield_awaiter(this->coflat_yield_value(depth));
    if (!aw2.value.await_ready()) {
      this->coflat_state = 2;
      aw2.value.await_suspend(cd::frame_handle(this));
      return;
    }
  resume_2:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<yield_awaiter> d{aw2.value};
      aw2.value.await_resume();
    }
    this->coflat_return_value(frames);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    else if (this->coflat_state == 2)
      cd::destroy_at(aw2.value);
    delete this;
  }
};

gen rec(int depth) { return gen(new rec_frame(depth)); }

// ---------------------------------------------------------------------------
// generator<int, int, int> reentrant(generator<int, int, int>*& self, event_log& log) {
//   co_yield 1;
//   try {
//     self->next();
//   } catch (const coflat::invalid_state_error&) {
//     log.push_back("invalid_state_error");
//   }
//   co_return 0;
// }
struct reentrant_frame final : gen_state {
  gen*& self;
  event_log& log;
  slot<yield_awaiter> aw1;

  reentrant_frame(gen*& self_, event_log& log_) : self(self_), log(log_) {}

  void coflat_resume() override {
    switch (this->coflat_state) {
    case 0:
      this->coflat_state = cd::state_running;
      break;
    case 1:
      goto resume_1;
    default:
      return;
    }
    ::new (cd::addr(aw1.value)) yield_awaiter(this->coflat_yield_value(1));
    if (!aw1.value.await_ready()) {
      this->coflat_state = 1;
      aw1.value.await_suspend(cd::frame_handle(this));
      return;
    }
  resume_1:
    this->coflat_state = cd::state_running;
    {
      destroy_when_done<yield_awaiter> d{aw1.value};
      aw1.value.await_resume();
    }
    try {
      self->next();
    } catch (const coflat::invalid_state_error&) {
      log.push_back("invalid_state_error");
    }
    this->coflat_return_value(0);
    this->coflat_state = cd::state_done;
  }

  void coflat_destroy() noexcept override {
    if (this->coflat_state == 1)
      cd::destroy_at(aw1.value);
    delete this;
  }
};

// ---------------------------------------------------------------------------
// The lowered frame interface itself

TEST(LoweredGenerator, FrameInterface) {
  static_assert(std::is_base_of_v<cd::frame_base, counter_frame>);
  static_assert(std::is_same_v<gen::state_type, gen_state>);
  static_assert(std::is_same_v<gen_state::coflat_yield_type, int>);
  static_assert(std::is_same_v<gen_state::coflat_send_type, int>);
  static_assert(std::is_same_v<gen_state::coflat_return_type, int>);
  static_assert(!std::is_copy_constructible_v<gen>);
  static_assert(std::is_nothrow_move_constructible_v<gen>);

  cd::frame_handle none;
  EXPECT_FALSE(none);

  auto* frame = new counter_frame(1);
  cd::frame_handle h(frame);
  EXPECT_TRUE(h);
  EXPECT_EQ(h.address(), static_cast<cd::frame_base*>(frame));
  EXPECT_EQ(frame->coflat_state, 0);
  EXPECT_FALSE(h.done());
  EXPECT_FALSE(frame->coflat_suspended());
  gen g(frame);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(frame->coflat_state, 1);
  EXPECT_TRUE(frame->coflat_suspended());
  EXPECT_FALSE(h.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_TRUE(h.done());
  EXPECT_EQ(frame->coflat_state, cd::state_done);
}

TEST(LoweredGenerator, FrameHandleResumesTheFrame) {
  auto* frame = new counter_frame(2);
  gen g(frame);
  cd::frame_handle h(frame);
  h.resume(); // what a scheduler would do; the driver is bypassed
  EXPECT_EQ(frame->coflat_state, 1);
  EXPECT_EQ(frame->coflat_current, std::optional<int>(0));
  frame->coflat_current.reset();
  h();
  EXPECT_EQ(frame->coflat_current, std::optional<int>(1));
  frame->coflat_current.reset();
  h();
  EXPECT_TRUE(h.done());
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.result(), 0);
}

// ---------------------------------------------------------------------------
// next / send / result

TEST(LoweredGenerator, NextYieldsEachValueThenNullopt) {
  auto g = counter(3);
  EXPECT_FALSE(g.done());
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  EXPECT_FALSE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(g.result(), 0) << "next() sends value-initialised ints";
}

TEST(LoweredGenerator, EmptyBody) {
  auto g = counter(0);
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.result(), 0);
}

TEST(LoweredGenerator, SendIsTheValueOfCoYield) {
  auto g = counter(3);
  EXPECT_THROW(g.send(1), coflat::invalid_state_error);
  EXPECT_FALSE(g.done());
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.send(10), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::optional<int>(2)); // adds int{}
  EXPECT_THROW(g.result(), coflat::invalid_state_error);
  EXPECT_EQ(g.send(5), std::nullopt);
  EXPECT_EQ(g.result(), 15);
  EXPECT_EQ(g.send(5), std::nullopt);
}

TEST(LoweredGenerator, ResultBeforeFinishingThrowsInvalidState) {
  auto g = counter(1);
  EXPECT_THROW(g.result(), coflat::invalid_state_error);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_THROW(g.result(), coflat::invalid_state_error);
  EXPECT_EQ(g.send(4), std::nullopt);
  EXPECT_EQ(g.result(), 4);
  static_assert(std::is_same_v<decltype(g.result()), int&>);
}

TEST(LoweredGenerator, ExceptionEscapingBodyPropagatesAndGeneratorIsDone) {
  auto g = counter(-1);
  EXPECT_THROW(g.next(), std::invalid_argument);
  EXPECT_TRUE(g.done());
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_THROW(g.result(), coflat::invalid_state_error);
}

TEST(LoweredGenerator, RangeFor) {
  std::vector<int> seen;
  for (int v : counter(4))
    seen.push_back(v);
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3}));
}

TEST(LoweredGenerator, MoveTransfersTheFrame) {
  auto g = counter(2);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  gen h = std::move(g);
  EXPECT_TRUE(g.done()); // NOLINT(bugprone-use-after-move)
  EXPECT_THROW(g.next(), coflat::invalid_state_error);
  EXPECT_EQ(h.next(), std::optional<int>(1));
  EXPECT_EQ(h.next(), std::nullopt);
}

// ---------------------------------------------------------------------------
// Scopes, try blocks, throw_exception, close, destruction

TEST(LoweredGenerator, ScopesAreEnteredAndLeftInOrder) {
  event_log log;
  auto g = guarded(log);
  EXPECT_EQ(drain(g), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(log, (event_log{"+a", "+b0", "got 0", "~b0", "+b1", "got 0", "~b1", "+b2", "got 0",
                            "~b2", "~a"}));
  EXPECT_EQ(g.result(), 100);
}

TEST(LoweredGenerator, SendReachesTheCoYieldInsideATryBlock) {
  event_log log;
  auto g = guarded(log);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.send(7), std::optional<int>(1));
  EXPECT_EQ(g.send(8), std::optional<int>(2));
  EXPECT_EQ(g.send(9), std::nullopt);
  EXPECT_EQ(log, (event_log{"+a", "+b0", "got 7", "~b0", "+b1", "got 8", "~b1", "+b2", "got 9",
                            "~b2", "~a"}));
}

TEST(LoweredGenerator, ThrowExceptionCaughtInBodyBodyYieldsAgain) {
  event_log log;
  auto g = guarded(log);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.throw_exception(std::logic_error("bad")), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(2));
  // The exception_ptr overload, at a suspension reached after a catch.
  EXPECT_EQ(g.throw_exception(std::make_exception_ptr(std::out_of_range("oor"))),
            std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(log, (event_log{"+a", "+b0", "got 0", "~b0", "+b1", "caught bad", "~b1", "+b2",
                            "caught oor", "~b2", "~a"}));
  EXPECT_EQ(g.result(), 100);
}

TEST(LoweredGenerator, ThrowExceptionUncaughtPropagatesAndUnwindsScopes) {
  event_log log;
  auto g = guarded(log);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  try {
    g.throw_exception(std::runtime_error("fatal"));
    FAIL() << "throw_exception did not propagate";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "fatal");
  }
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"+a", "+b0", "~b0", "~a"}));
  EXPECT_EQ(g.next(), std::nullopt);
}

TEST(LoweredGenerator, ThrowExceptionOnNotStartedGeneratorNeverRunsBody) {
  event_log log;
  {
    auto g = guarded(log);
    EXPECT_THROW(g.throw_exception(std::logic_error("early")), std::logic_error);
    EXPECT_TRUE(g.done());
    EXPECT_EQ(g.next(), std::nullopt);
    auto h = guarded(log);
    EXPECT_THROW(h.throw_exception(std::make_exception_ptr(std::logic_error("early"))),
                 std::logic_error);
    EXPECT_TRUE(h.done());
  }
  EXPECT_TRUE(log.empty());
}

TEST(LoweredGenerator, CloseRaisesGeneratorExitAtTheSuspension) {
  event_log log;
  auto g = guarded(log);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"+a", "+b0", "got 0", "~b0", "+b1", "generator_exit", "~b1", "~a"}));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log.size(), 8u);
}

TEST(LoweredGenerator, CloseAtASuspensionOutsideTheTry) {
  event_log log;
  auto g = guarded(log);
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.throw_exception(std::logic_error("x")), std::optional<int>(-1));
  EXPECT_NO_THROW(g.close()); // at co_yield -1: no handler sees it
  EXPECT_EQ(log, (event_log{"+a", "+b0", "caught x", "~b0", "~a"}));
  EXPECT_TRUE(g.done());
}

TEST(LoweredGenerator, CloseWhenBodyReturns) {
  event_log log;
  auto g = returns_on_exit(log);
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_EQ(log, (event_log{"sub returns"}));
  EXPECT_TRUE(g.done());
}

TEST(LoweredGenerator, CloseNotStartedIsDoneWithoutRunning) {
  event_log log;
  {
    auto g = guarded(log);
    g.close();
    EXPECT_TRUE(g.done());
    EXPECT_EQ(g.next(), std::nullopt);
  }
  EXPECT_TRUE(log.empty());
}

TEST(LoweredGenerator, DestroyingSuspendedFrameDestroysLiveObjectsInReverse) {
  event_log log;
  {
    auto g = guarded(log);
    EXPECT_EQ(g.next(), std::optional<int>(0));
    EXPECT_EQ(g.next(), std::optional<int>(1));
  }
  EXPECT_EQ(log, (event_log{"+a", "+b0", "got 0", "~b0", "+b1", "~b1", "~a"}))
      << "destroyed without resuming (no generator_exit)";

  event_log log2;
  {
    auto g = guarded(log2);
    EXPECT_EQ(g.next(), std::optional<int>(0));
    EXPECT_EQ(g.throw_exception(std::logic_error("x")), std::optional<int>(-1));
  }
  EXPECT_EQ(log2, (event_log{"+a", "+b0", "caught x", "~b0", "~a"}));
}

TEST(LoweredGenerator, ReentrantNextThrowsInvalidState) {
  event_log log;
  gen* self = nullptr;
  gen g(new reentrant_frame(self, log));
  self = &g;
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(log, (event_log{"invalid_state_error"}));
}

// ---------------------------------------------------------------------------
// yield_from

TEST(LoweredGenerator, YieldFromLoweredGeneratorAndRanges) {
  event_log log;
  std::vector<int> extra{20, 21};
  auto g = delegator(log, counter(3), extra);
  EXPECT_EQ(drain(g), (std::vector<int>{-1, 0, 1, 2, 0, 7, 8, 20, 21}));
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(g.result(), 0);
}

TEST(LoweredGenerator, YieldFromForwardsSendAndEvaluatesToTheSubsResult) {
  event_log log;
  std::vector<int> extra{20, 21};
  auto g = delegator(log, counter(3), extra);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.send(5), std::optional<int>(1));
  EXPECT_EQ(g.send(6), std::optional<int>(2));
  EXPECT_EQ(g.send(7), std::optional<int>(18)); // the sub returned 18: co_yield r
  EXPECT_EQ(g.send(1000), std::optional<int>(7)); // the outer ignores it
  EXPECT_EQ(g.send(1000), std::optional<int>(8)); // the vector ignores sends
  extra[1] = 99; // yield_from(lvalue) refers to the vector
  EXPECT_EQ(g.next(), std::optional<int>(20));
  EXPECT_EQ(g.next(), std::optional<int>(99));
  EXPECT_EQ(g.next(), std::nullopt);
  EXPECT_EQ(g.result(), 36);
}

TEST(LoweredGenerator, YieldFromForwardsThrowToSubThatCatches) {
  event_log log;
  std::vector<int> extra;
  auto g = delegator(log, guarded(log), extra);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.throw_exception(std::logic_error("in")), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_EQ(g.send(3), std::optional<int>(2));
  EXPECT_EQ(g.send(4), std::optional<int>(100)); // guarded returned 100
  EXPECT_EQ(drain(g), (std::vector<int>{7, 8}));
  EXPECT_EQ(g.result(), 200);
  EXPECT_EQ(log, (event_log{"+a", "+b0", "caught in", "~b0", "+b1", "got 3", "~b1", "+b2",
                            "got 4", "~b2", "~a"}));
}

TEST(LoweredGenerator, YieldFromRaisesUnhandledSubExceptionInTheOuter) {
  event_log log;
  std::vector<int> extra;
  auto g = delegator(log, guarded(log), extra);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_EQ(g.throw_exception(std::runtime_error("rt")), std::optional<int>(-100));
  EXPECT_EQ(log, (event_log{"+a", "+b0", "~b0", "~a", "outer caught rt"}));
  EXPECT_EQ(drain(g), (std::vector<int>{7, 8}));
  EXPECT_EQ(g.result(), -200);
}

TEST(LoweredGenerator, YieldFromExceptionThrownBySubItself) {
  event_log log;
  std::vector<int> extra;
  auto g = delegator(log, counter(-1), extra);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  // invalid_argument is a logic_error, not a runtime_error: the outer does
  // not catch it.
  EXPECT_THROW(g.next(), std::invalid_argument);
  EXPECT_TRUE(g.done());
  EXPECT_TRUE(log.empty());
}

TEST(LoweredGenerator, YieldFromForwardsClose) {
  event_log log;
  std::vector<int> extra;
  auto g = delegator(log, guarded(log), extra);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(0));
  EXPECT_NO_THROW(g.close());
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"+a", "+b0", "generator_exit", "~b0", "~a", "outer generator_exit"}));
}

TEST(LoweredGenerator, YieldFromForwardsCloseEvenWhenSubReturnsNormally) {
  event_log log;
  std::vector<int> extra;
  auto g = delegator(log, returns_on_exit(log), extra);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(1));
  EXPECT_NO_THROW(g.close());
  EXPECT_TRUE(g.done());
  EXPECT_EQ(log, (event_log{"sub returns", "outer generator_exit"}));
}

TEST(LoweredGenerator, YieldFromRangeThrowAndClose) {
  event_log log;
  std::vector<int> extra;
  auto g = delegator(log, counter(0), extra);
  EXPECT_EQ(g.next(), std::optional<int>(-1));
  EXPECT_EQ(g.next(), std::optional<int>(0)); // r
  EXPECT_EQ(g.next(), std::optional<int>(7));
  // Raised at the co_yield yield_from(vector), which is outside the try.
  EXPECT_THROW(g.throw_exception(std::runtime_error("r")), std::runtime_error);
  EXPECT_TRUE(g.done());

  auto h = delegator(log, counter(0), extra);
  EXPECT_EQ(h.next(), std::optional<int>(-1));
  EXPECT_EQ(h.next(), std::optional<int>(0));
  EXPECT_EQ(h.next(), std::optional<int>(7));
  EXPECT_NO_THROW(h.close());
  EXPECT_TRUE(h.done());
  EXPECT_TRUE(log.empty());
}

TEST(LoweredGenerator, DestroyingDelegatingFrameDestroysTheSub) {
  event_log log;
  std::vector<int> extra;
  {
    auto g = delegator(log, guarded(log), extra);
    EXPECT_EQ(g.next(), std::optional<int>(-1));
    EXPECT_EQ(g.next(), std::optional<int>(0));
  }
  EXPECT_EQ(log, (event_log{"+a", "+b0", "~b0", "~a"}));

  event_log log2;
  {
    auto g = delegator(log2, guarded(log2), extra);
    EXPECT_EQ(g.next(), std::optional<int>(-1));
  }
  EXPECT_TRUE(log2.empty()) << "the not-started sub is destroyed with the frame";
}

TEST(LoweredGenerator, NestedLoweredDelegation) {
  auto g = rec(20);
  std::vector<int> expected;
  for (int d = 0; d <= 20; ++d)
    expected.push_back(d);
  EXPECT_EQ(drain(g), expected);
  EXPECT_EQ(g.result(), 21);
}

TEST(LoweredGenerator, RecursiveLoweredDelegationTenThousandDeep) {
  constexpr int depth = 10000;
  auto g = rec(depth);
  int expected = 0;
  while (auto v = g.next()) {
    ASSERT_EQ(*v, expected);
    ++expected;
  }
  EXPECT_EQ(expected, depth + 1);
  EXPECT_EQ(g.result(), depth + 1);

  auto h = rec(depth);
  EXPECT_EQ(h.next(), std::optional<int>(0));
  EXPECT_EQ(h.send(1), std::optional<int>(1));
  EXPECT_NO_THROW(h.close());
  EXPECT_TRUE(h.done());
}

} // namespace
