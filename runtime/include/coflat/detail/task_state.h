// coflat/detail/task_state.h - the frame of a task<T>: an async frame plus
// the returned value.
//
// Lowered async functions and the native promise derive from it, and so do
// the runtime's hand-written task frames (gather, wait_for, queue get/put).
#ifndef COFLAT_DETAIL_TASK_STATE_H
#define COFLAT_DETAIL_TASK_STATE_H

#include <coflat/detail/async_frame.h>
#include <coflat/detail/await_adapter.h>
#include <coflat/detail/return_slot.h>

namespace coflat::detail {

template <class T> class task_state : public async_frame, public return_slot<T> {
public:
  using coflat_return_type = T;

protected:
  task_state() = default;
  ~task_state() = default;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_TASK_STATE_H
