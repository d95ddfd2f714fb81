// coflat/detail/running_loop.h - the loop running on this thread
// (asyncio's _get_running_loop()).
//
// Set by event_loop while it runs, null otherwise; futures capture it when
// they are created (detail/future_state.h).
#ifndef COFLAT_DETAIL_RUNNING_LOOP_H
#define COFLAT_DETAIL_RUNNING_LOOP_H

namespace coflat {

class event_loop;

namespace detail {
inline thread_local event_loop* running_loop = nullptr;
} // namespace detail

} // namespace coflat

#endif // COFLAT_DETAIL_RUNNING_LOOP_H
