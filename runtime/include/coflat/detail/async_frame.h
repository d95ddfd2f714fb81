// coflat/detail/async_frame.h - the frame of a task or async generator, and
// the handle its awaiters get (coflat::resume_handle, public).
//
// An asyncio Task (task_runner) runs a stack of these frames, root to leaf,
// linked by coflat_parent, and only ever resumes the leaf (see
// detail/task_runner.h).  Every co_await in such a frame goes through
// coflat_await (detail/await_adapter.h).
#ifndef COFLAT_DETAIL_ASYNC_FRAME_H
#define COFLAT_DETAIL_ASYNC_FRAME_H

#include <coflat/detail/chained_frame.h>

namespace coflat {

namespace detail {

class future_base;
class task_runner;

/// What every task and async generator frame shares: a chain link (its
/// parent is the frame awaiting it, or an async generator's consumer) and
/// the Task running it.  Members are `coflat_`-prefixed: lowered frames
/// derive from this class.
class async_frame : public chained_frame<async_frame> {
public:
  task_runner* coflat_runner = nullptr; // the asyncio Task running it

  /// The awaiter of `co_await awaitable` in this frame (the native
  /// promise's await_transform; lowered code calls it directly).
  template <class A> auto coflat_await(A&& awaitable);

protected:
  async_frame() = default;
  ~async_frame() = default;
};

} // namespace detail

/// What an awaiter's await_suspend receives inside a task or async
/// generator.  resume() wakes the task (at once, or, when called while the
/// task is running, as soon as it suspends).  An awaiter written for coflat
/// takes it as a template parameter, which also accepts
/// std::coroutine_handle<> in other coroutine types.
class resume_handle {
public:
  explicit resume_handle(detail::async_frame* frame) noexcept : frame_(frame) {}
  void resume() const;
  void operator()() const { resume(); }

  // --- used by the runtime's awaiters ---
  /// Suspends until `f` is done; cancelling the task cancels `f`.
  void coflat_wait_on(detail::future_base& f) const;
  /// Suspends until the loop's next iteration (sleep(0)).
  void coflat_yield_once() const;
  /// Runs `child` inline: it becomes the leaf; the frame resumes when the
  /// child finishes (or, an async generator, yields).
  void coflat_push(detail::async_frame* child, void* owner, void (*disown)(void*) noexcept) const;
  detail::async_frame* coflat_frame() const noexcept { return frame_; }

private:
  detail::async_frame* frame_;
};

} // namespace coflat

#endif // COFLAT_DETAIL_ASYNC_FRAME_H
