// What the hand-lowered unit tests (generators and async) write their frames
// with, the way the tool emits them: in-place storage for frame objects.
#ifndef COFLAT_TEST_UNIT_LOWERED_SUPPORT_H
#define COFLAT_TEST_UNIT_LOWERED_SUPPORT_H

#include <coflat/frame.h>

namespace coflat_test {

/// Frame storage for an object constructed in place at its declaration (or,
/// for an awaiter, at its co_yield / co_await) and destroyed explicitly.
template <class T> union slot {
  slot() noexcept {}
  ~slot() {}
  slot(const slot&) = delete;
  slot& operator=(const slot&) = delete;
  T value;
};

/// Destroys an awaiter when await_resume() returns or throws.
template <class T> struct destroy_when_done {
  T& object;
  ~destroy_when_done() { coflat::detail::destroy_at(object); }
};

} // namespace coflat_test

#endif // COFLAT_TEST_UNIT_LOWERED_SUPPORT_H
