// coflat/detail/scheduled_callback.h - a callback the loop will run, that
// can be cancelled before it runs.
//
// Shared between the loop (its timers and fd watchers) and the
// timer_handle it returns.
#ifndef COFLAT_DETAIL_SCHEDULED_CALLBACK_H
#define COFLAT_DETAIL_SCHEDULED_CALLBACK_H

#include <functional>

namespace coflat::detail {

struct scheduled_callback {
  std::function<void()> fn;
  bool cancelled = false;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_SCHEDULED_CALLBACK_H
