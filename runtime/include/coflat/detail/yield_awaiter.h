// coflat/detail/yield_awaiter.h - a plain `co_yield value`, in generators
// and async generators alike.
//
// `co_yield v` is `co_await frame->coflat_yield_value(v)`: the value is
// stored in the frame's yield_slot, and the body suspends on a
// yield_awaiter.  What differs between the two kinds is asked of the frame:
//   frame->coflat_yielded()   at the suspension: who runs next (a
//                             generator: nothing to do, its next() sees the
//                             value; an async generator hands control back
//                             to its consumer);
//   frame->coflat_received()  at the resumption: raises what was thrown in
//                             (throw_exception, close, aclose), else the
//                             value of the co_yield expression (a
//                             generator's sent value; void in an async
//                             generator).
#ifndef COFLAT_DETAIL_YIELD_AWAITER_H
#define COFLAT_DETAIL_YIELD_AWAITER_H

#include <optional>

namespace coflat::detail {

/// Where a yielded value waits for the consumer (engaged from the co_yield
/// until the consumer takes it).
template <class Yield> class yield_slot {
public:
  std::optional<Yield> coflat_current; // the value just yielded
};

/// Always suspends; see above for what it asks of the frame.
template <class Frame> class yield_awaiter {
public:
  explicit yield_awaiter(Frame* frame) noexcept : frame_(frame) {}
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle) const noexcept { frame_->coflat_yielded(); }
  decltype(auto) await_resume() const { return frame_->coflat_received(); }

private:
  Frame* frame_;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_YIELD_AWAITER_H
