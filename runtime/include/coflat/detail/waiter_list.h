// coflat/detail/waiter_list.h - the tasks waiting on a synchronisation
// primitive (sync.h), in arrival order.
//
// A task that must wait queues a future of its own and awaits it; waking a
// waiter completes its future, so it resumes from the loop (call_soon).  A
// waiter stays in the list until its awaiter leaves it (when it resumes or
// is destroyed), so the list can hold futures that are already done: woken
// but not yet run, or cancelled.
#ifndef COFLAT_DETAIL_WAITER_LIST_H
#define COFLAT_DETAIL_WAITER_LIST_H

#include <coflat/detail/future_state.h>

#include <list>
#include <memory>
#include <utility>

namespace coflat::detail {

using waiter_list = std::list<std::shared_ptr<future_state<void>>>;

/// One task's place in a waiter list: its future, queued in arrival order.
class queued_waiter {
public:
  queued_waiter() = default;
  queued_waiter(queued_waiter&& other) noexcept
      : list_(std::exchange(other.list_, nullptr)), future_(std::move(other.future_)), it_(other.it_) {}
  queued_waiter& operator=(queued_waiter&&) = delete;
  ~queued_waiter() { leave(); }

  template <class Handle> void wait(waiter_list& list, Handle h) {
    future_ = std::make_shared<future_state<void>>();
    list_ = &list;
    it_ = list.insert(list.end(), future_);
    h.coflat_wait_on(*future_);
  }
  void leave() noexcept {
    if (list_)
      std::exchange(list_, nullptr)->erase(it_);
  }
  bool queued() const noexcept { return list_ != nullptr; }
  future_state<void>& future() const noexcept { return *future_; }

private:
  waiter_list* list_ = nullptr;
  std::shared_ptr<future_state<void>> future_;
  waiter_list::iterator it_;
};

/// Wakes the first waiter whose future is not done yet (asyncio's
/// Queue._wakeup_next, Semaphore._wake_up_next); whether one was woken.
/// With `front_only`, only the longest-waiting one is looked at
/// (Lock._wake_up_first): if it was woken or cancelled already, its own
/// resumption or cleanup passes the wake-up on.
inline bool wake_first(waiter_list& waiters, bool front_only = false) {
  for (auto& f : waiters) {
    if (!f->done()) {
      f->set_result();
      return true;
    }
    if (front_only)
      break;
  }
  return false;
}

/// Whether a waiter is queued that was not cancelled (woken or not).
inline bool has_live_waiter(const waiter_list& waiters) noexcept {
  for (auto& f : waiters)
    if (!f->cancelled())
      return true;
  return false;
}

} // namespace coflat::detail

#endif // COFLAT_DETAIL_WAITER_LIST_H
