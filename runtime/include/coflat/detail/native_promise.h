// coflat/detail/native_promise.h - what the native C++20 promise types of
// generator, task and async_generator share.
//
// A native frame's promise derives from the same state class a lowered
// frame derives from; native_promise adds coflat_resume()/coflat_destroy()
// over the coroutine handle, so that the runtime drives a native frame
// exactly like a lowered one.  Empty in C++17.
#ifndef COFLAT_DETAIL_NATIVE_PROMISE_H
#define COFLAT_DETAIL_NATIVE_PROMISE_H

#include <coflat/frame.h>

#if defined(__cpp_impl_coroutine)
#include <coroutine>
#include <exception>
#include <utility>

namespace coflat::detail {

/// A lazy start, a final suspension (the owner destroys the frame), and
/// coflat_resume/coflat_destroy over the coroutine handle.  Invariant after
/// coflat_resume(): coflat_state is state_done once the body has finished,
/// else 1 (a native frame has a single suspended state as far as the runtime
/// can tell).
template <class Promise, class State> class native_promise : public State {
public:
  std::suspend_always initial_suspend() const noexcept { return {}; }
  std::suspend_always final_suspend() const noexcept { return {}; }
  // Kept, not rethrown: clang does not mark a coroutine finished when
  // unhandled_exception() rethrows (llvm-project#61900), and destroy()
  // would then run the locals' destructors a second time.
  void unhandled_exception() noexcept { this->coflat_exception = std::current_exception(); }
  void coflat_resume() override {
    auto h = handle();
    this->coflat_state = state_running;
    h.resume();
    this->coflat_state = h.done() ? state_done : 1;
  }
  void coflat_destroy() noexcept override { handle().destroy(); }

private:
  std::coroutine_handle<Promise> handle() noexcept {
    return std::coroutine_handle<Promise>::from_promise(static_cast<Promise&>(*this));
  }
};

/// return_value / return_void, forwarded to the state's return slot.
template <class Promise, class Return> struct native_return {
  template <class U> void return_value(U&& value) {
    static_cast<Promise*>(this)->coflat_return_value(std::forward<U>(value));
  }
};
template <class Promise> struct native_return<Promise, void> {
  void return_void() noexcept {}
};

} // namespace coflat::detail
#endif // __cpp_impl_coroutine

#endif // COFLAT_DETAIL_NATIVE_PROMISE_H
