// coflat/sync.h - asyncio's synchronisation primitives: async_event,
// async_lock, async_semaphore, async_queue (Python 3.11's algorithms).
//
// A task that must wait queues a future of its own and awaits it; waking a
// waiter completes its future, so it resumes from the loop (call_soon), in
// arrival order.  What Python does in `except CancelledError` around
// `await fut` happens when the waiting awaiter is destroyed without having
// resumed normally: a cancelled waiter passes its wake-up on.
//
// Not thread-safe: like everything but call_soon_threadsafe, loop-affine.
#ifndef COFLAT_SYNC_H
#define COFLAT_SYNC_H

#include <coflat/detail/queue_wait_frame.h>
#include <coflat/detail/waiter_list.h>
#include <coflat/errors.h>
#include <coflat/future.h>
#include <coflat/task.h>

#include <cstddef>
#include <deque>
#include <utility>

namespace coflat {

/// asyncio.QueueFull / asyncio.QueueEmpty.
class queue_full : public error {
public:
  queue_full() : error("queue full") {}
};
class queue_empty : public error {
public:
  queue_empty() : error("queue empty") {}
};

/// asyncio.Event.
class async_event {
public:
  bool is_set() const noexcept { return value_; }
  /// Wakes every waiting task.
  void set() {
    if (value_)
      return;
    value_ = true;
    for (auto& f : waiters_)
      if (!f->done())
        f->set_result();
  }
  void clear() noexcept { value_ = false; }

  class wait_awaiter {
  public:
    explicit wait_awaiter(async_event* event) noexcept : event_(event) {}
    bool await_ready() const noexcept { return event_->value_; }
    template <class Handle> void await_suspend(Handle h) { waiter_.wait(event_->waiters_, h); }
    bool await_resume() {
      if (waiter_.queued()) {
        waiter_.leave();
        waiter_.future().result();
      }
      return true;
    }

  private:
    async_event* event_;
    detail::queued_waiter waiter_;
  };
  /// `co_await ev.wait()`: until set() (at once if set).
  wait_awaiter wait() noexcept { return wait_awaiter(this); }

private:
  bool value_ = false;
  detail::waiter_list waiters_;
};

/// asyncio.Lock: `co_await lock.acquire(); ... lock.release();`, FIFO.
class async_lock {
public:
  bool locked() const noexcept { return locked_; }
  void release() {
    if (!locked_)
      throw invalid_state_error("lock is not acquired");
    locked_ = false;
    wake_up_first();
  }

  class acquire_awaiter {
  public:
    explicit acquire_awaiter(async_lock* lock) noexcept : lock_(lock) {}
    acquire_awaiter(acquire_awaiter&&) = default;
    ~acquire_awaiter() {
      if (waiter_.queued()) { // cancelled: pass the wake-up on
        waiter_.leave();
        if (!lock_->locked_)
          lock_->wake_up_first();
      }
    }
    bool await_ready() const noexcept {
      if (lock_->locked_ || detail::has_live_waiter(lock_->waiters_))
        return false;
      lock_->locked_ = true;
      return true;
    }
    template <class Handle> void await_suspend(Handle h) { waiter_.wait(lock_->waiters_, h); }
    bool await_resume() {
      if (waiter_.queued()) {
        waiter_.future().result(); // cancelled_error: the destructor cleans up
        waiter_.leave();
        lock_->locked_ = true;
      }
      return true;
    }

  private:
    async_lock* lock_;
    detail::queued_waiter waiter_;
  };
  acquire_awaiter acquire() noexcept { return acquire_awaiter(this); }

private:
  void wake_up_first() { detail::wake_first(waiters_, /*front_only=*/true); }

  bool locked_ = false;
  detail::waiter_list waiters_;
};

/// asyncio.Semaphore.
class async_semaphore {
public:
  explicit async_semaphore(std::size_t value = 1) : value_(value) {}

  bool locked() const noexcept { return value_ == 0 || detail::has_live_waiter(waiters_); }
  void release() {
    ++value_;
    wake_up_next();
  }

  class acquire_awaiter {
  public:
    explicit acquire_awaiter(async_semaphore* s) noexcept : sem_(s) {}
    acquire_awaiter(acquire_awaiter&&) = default;
    ~acquire_awaiter() {
      if (waiter_.queued()) { // cancelled
        waiter_.leave();
        if (!waiter_.future().cancelled()) { // it was woken: give the slot on
          ++sem_->value_;
          sem_->wake_up_next();
        }
      }
    }
    bool await_ready() const noexcept {
      if (sem_->locked())
        return false;
      --sem_->value_;
      return true;
    }
    template <class Handle> void await_suspend(Handle h) { waiter_.wait(sem_->waiters_, h); }
    bool await_resume() {
      if (waiter_.queued()) {
        waiter_.future().result();
        waiter_.leave();
        if (sem_->value_ > 0)
          sem_->wake_up_next();
      }
      return true;
    }

  private:
    async_semaphore* sem_;
    detail::queued_waiter waiter_;
  };
  acquire_awaiter acquire() noexcept { return acquire_awaiter(this); }

private:
  bool wake_up_next() {
    // The slot is taken before the waiter is woken, as asyncio does.
    --value_;
    if (detail::wake_first(waiters_))
      return true;
    ++value_;
    return false;
  }

  std::size_t value_;
  detail::waiter_list waiters_;
};

/// asyncio.Queue: FIFO; maxsize 0 is unbounded.  get() and put() return
/// tasks (like Python's coroutines), awaited inline.
template <class T> class async_queue {
public:
  // Not explicit when defaulted, so that `holder h{};` value-initialises a
  // member queue; a size converts only explicitly.
  async_queue() : async_queue(std::size_t(0)) {}
  explicit async_queue(std::size_t maxsize) : maxsize_(maxsize) { finished_.set(); }
  async_queue(const async_queue&) = delete;
  async_queue& operator=(const async_queue&) = delete;

  std::size_t qsize() const noexcept { return items_.size(); }
  std::size_t maxsize() const noexcept { return maxsize_; }
  bool empty() const noexcept { return items_.empty(); }
  bool full() const noexcept { return maxsize_ > 0 && items_.size() >= maxsize_; }

  void put_nowait(T item) {
    if (full())
      throw queue_full();
    items_.push_back(std::move(item));
    ++unfinished_;
    finished_.clear();
    detail::wake_first(getters_);
  }
  T get_nowait() {
    if (empty())
      throw queue_empty();
    T item = std::move(items_.front());
    items_.pop_front();
    detail::wake_first(putters_);
    return item;
  }

  /// `co_await q.put(v)`: waits while the queue is full.
  task<void> put(T item) { return task<void>(new detail::queue_wait_frame<void, put_op>(put_op{this, std::move(item)})); }
  /// `co_await q.get()`: waits while the queue is empty.
  task<T> get() { return task<T>(new detail::queue_wait_frame<T, get_op>(get_op{this})); }

  /// Marks one item taken by get() as processed (asyncio task_done()).
  void task_done() {
    if (unfinished_ == 0)
      throw invalid_state_error("task_done() called too many times");
    if (--unfinished_ == 0)
      finished_.set();
  }
  /// `co_await q.join()`: until every item put was marked task_done().
  async_event::wait_awaiter join() noexcept { return finished_.wait(); }

private:
  struct put_op {
    async_queue* q;
    T item;
    bool blocked() const noexcept { return q->full(); }
    detail::waiter_list& waiters() noexcept { return q->putters_; }
    void finish() { q->put_nowait(std::move(item)); }
  };
  struct get_op {
    async_queue* q;
    bool blocked() const noexcept { return q->empty(); }
    detail::waiter_list& waiters() noexcept { return q->getters_; }
    T finish() { return q->get_nowait(); }
  };

  std::size_t maxsize_;
  std::deque<T> items_;
  detail::waiter_list getters_, putters_;
  std::size_t unfinished_ = 0;
  async_event finished_;
};

} // namespace coflat

#endif // COFLAT_SYNC_H
