// coflat/detail/await_adapter.h - the awaiter of every co_await in a task or
// async generator (what async_frame::coflat_await returns).
//
// One await path for native and lowered frames: the adapter raises what was
// thrown in (a cancellation) when the await resumes, hands the inner awaiter
// a resume_handle instead of the coroutine's own handle, and accepts void and
// bool await_suspend.
#ifndef COFLAT_DETAIL_AWAIT_ADAPTER_H
#define COFLAT_DETAIL_AWAIT_ADAPTER_H

#include <coflat/detail/async_frame.h>
#include <coflat/detail/get_awaiter.h>
#include <coflat/frame.h>

#include <type_traits>
#include <utility>

namespace coflat::detail {

template <class...> inline constexpr bool always_false = false;

template <class Inner> class await_adapter {
public:
  template <class A>
  await_adapter(async_frame* frame, A&& a) : frame_(frame), inner_(get_awaiter(std::forward<A>(a))) {}
  bool await_ready() { return inner_.await_ready(); }
  template <class Handle> bool await_suspend(Handle) {
    resume_handle h(frame_);
    using result = decltype(inner_.await_suspend(h));
    if constexpr (std::is_void_v<result> || std::is_same_v<result, bool>) {
      // An exception from await_suspend is thrown at the co_await, with the
      // frame running again (a lowered frame set its state before calling).
      try {
        if constexpr (std::is_void_v<result>) {
          inner_.await_suspend(h);
          return true;
        } else {
          return inner_.await_suspend(h);
        }
      } catch (...) {
        frame_->coflat_state = state_running;
        throw;
      }
    } else {
      static_assert(always_false<result>,
                    "coflat tasks do not accept an await_suspend that returns a handle; "
                    "complete the await through a coflat::future or resume_handle");
    }
  }
  decltype(auto) await_resume() {
    frame_->coflat_rethrow_pending();
    return inner_.await_resume();
  }

private:
  async_frame* frame_;
  Inner inner_;
};

template <class A> auto async_frame::coflat_await(A&& awaitable) {
  return await_adapter<awaiter_t<A&&>>(this, std::forward<A>(awaitable));
}

} // namespace coflat::detail

#endif // COFLAT_DETAIL_AWAIT_ADAPTER_H
