// coflat/task.h - async functions (task<T>) and the asyncio Task that runs them.
//
// A task<T> owns one frame, native (its promise derives from task_state) or
// lowered (a struct deriving from task_state).  Calling an async function
// runs nothing.  `co_await child` runs the child inline in the same asyncio
// Task, like Python's `await coro()`.
//
// Who runs frames: a task_runner (asyncio.Task, detail/task_runner.h) keeps
// the stack of frames awaiting each other and resumes only the leaf, so
// awaiting a child costs no C++ stack, for native and lowered frames alike.
//
// Every co_await in a task goes through async_frame::coflat_await (the
// native promise's await_transform; lowered code calls it directly), whose
// adapter (detail/await_adapter.h) raises a pending cancellation when the
// await resumes and gives the inner awaiter a resume_handle.
#ifndef COFLAT_TASK_H
#define COFLAT_TASK_H

#include <coflat/detail/async_frame.h>
#include <coflat/detail/await_adapter.h>
#include <coflat/detail/dependent_frame.h>
#include <coflat/detail/native_promise.h>
#include <coflat/detail/task_runner.h>
#include <coflat/detail/task_state.h>
#include <coflat/errors.h>
#include <coflat/event_loop.h>
#include <coflat/frame.h>
#include <coflat/future.h>

#include <exception>
#include <memory>
#include <type_traits>
#include <utility>

namespace coflat {

template <class T = void>
class
#if defined(__clang__)
    [[clang::annotate("coflat::task")]]
#endif
    task {
public:
  using state_type = detail::task_state<T>;
  using value_type = T;

#if defined(__cpp_impl_coroutine)
  class promise_type final : public detail::native_promise<promise_type, state_type>,
                             public detail::native_return<promise_type, T> {
  public:
    task get_return_object() noexcept { return task(this); }
    template <class A> auto await_transform(A&& a) { return this->coflat_await(std::forward<A>(a)); }
  };
#endif

  /// Takes ownership of a frame (what a lowered async function returns).
  explicit task(state_type* frame) noexcept : frame_(frame) {}
  task(task&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
  task& operator=(task&& other) noexcept {
    if (this != &other) {
      if (frame_)
        frame_->coflat_destroy();
      frame_ = std::exchange(other.frame_, nullptr);
    }
    return *this;
  }
  ~task() {
    if (frame_)
      frame_->coflat_destroy();
  }

  /// `co_await t`: runs the body inline to completion; its result, or its
  /// exception rethrown.
  class awaiter {
  public:
    explicit awaiter(state_type* frame) noexcept : frame_(frame) {}
    awaiter(awaiter&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
    awaiter& operator=(awaiter&&) = delete;
    ~awaiter() {
      if (frame_)
        frame_->coflat_destroy();
    }
    bool await_ready() const noexcept { return !frame_ || frame_->coflat_done(); }
    void await_suspend(resume_handle h) {
      h.coflat_push(frame_, this, [](void* self) noexcept { static_cast<awaiter*>(self)->frame_ = nullptr; });
    }
    T await_resume() {
      if (!frame_)
        throw invalid_state_error("cannot await a task twice (or a moved-from task)");
      frame_->coflat_disown = nullptr;
      frame_->coflat_rethrow_exception();
      if constexpr (!std::is_void_v<T>)
        return std::move(frame_->coflat_result());
    }

  private:
    state_type* frame_;
  };
  /// Lvalue or rvalue, awaiting consumes the task (Python: a coroutine can
  /// be awaited once).
  awaiter coflat_awaiter() noexcept { return awaiter(std::exchange(frame_, nullptr)); }

  /// Gives up the frame (create_task takes it).
  state_type* coflat_release() noexcept { return std::exchange(frame_, nullptr); }
  explicit operator bool() const noexcept { return frame_ != nullptr; }

private:
  state_type* frame_;
};

// --- event_loop members that need task ---

template <class T> future<T> event_loop::create_task(task<T> t) {
  if (closed_)
    throw invalid_state_error("event loop is closed");
  auto* frame = t.coflat_release();
  if (!frame)
    throw invalid_state_error("create_task of a moved-from task");
  auto state = std::make_shared<detail::task_future_state<T>>(this, frame);
  state->start(state);
  return future<T>(std::move(state));
}

template <class T> T event_loop::run_until_complete(future<T> f) {
  // Only this run stops when f completes: if it ends early (stop()), f
  // completing during a later run must not stop that one (asyncio removes
  // its done callback when run_until_complete returns).
  auto active = std::make_shared<bool>(true);
  f.coflat_state()->add_callback([this, active] {
    if (*active)
      stop();
  });
  struct deactivate {
    bool& active;
    ~deactivate() { active = false; }
  } guard{*active};
  run_forever();
  if (!f.done())
    throw invalid_state_error("event loop stopped before the future completed");
  if constexpr (std::is_void_v<T>)
    f.result();
  else
    return std::move(f.result());
}

template <class T> T event_loop::run_until_complete(task<T> t) {
  return run_until_complete(create_task(std::move(t)));
}

/// Consumed when awaited or delegated to: a moved-from handle's end is
/// unobservable (see detail::unobserved_destructor).
template <class T> struct detail::unobserved_destructor<task<T>> : std::true_type {};

} // namespace coflat

#endif // COFLAT_TASK_H
