// coflat/detail/pending_task.h - a Task the loop lists while it is pending.
//
// Ties every pending task of a loop together (an intrusive doubly linked
// list, event_loop::coflat_track/coflat_untrack), so that close() can
// destroy the ones that never finished and asyncio.run can cancel them.
#ifndef COFLAT_DETAIL_PENDING_TASK_H
#define COFLAT_DETAIL_PENDING_TASK_H

namespace coflat::detail {

class pending_task {
public:
  virtual void coflat_abandon() noexcept = 0; // destroy frames, drop self-ownership
  virtual bool coflat_cancel_task() = 0;      // Task.cancel()
  pending_task* prev_pending = nullptr;
  pending_task* next_pending = nullptr;

protected:
  ~pending_task() = default;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_PENDING_TASK_H
