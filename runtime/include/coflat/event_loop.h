// coflat/event_loop.h - an asyncio-style event loop (epoll on Linux).
//
// One iteration (run_once) is asyncio's BaseEventLoop._run_once, so that a
// ported Python program schedules its callbacks in the same order:
//   1. wait for fd readiness, at most until the earliest timer (not at all
//      when callbacks are ready); ready fds queue their reader/writer;
//   2. timers whose deadline has passed are queued, earliest first, ties in
//      the order they were scheduled;
//   3. the callbacks queued before this step started run, in FIFO order;
//      callbacks they schedule run in the next iteration.
// Callbacks from other threads (call_soon_threadsafe) are queued under a
// mutex and wake a blocked epoll_wait through an eventfd.
//
// Invariant: only the thread running the loop touches anything but the
// threadsafe queue.
#ifndef COFLAT_EVENT_LOOP_H
#define COFLAT_EVENT_LOOP_H

#include <coflat/detail/pending_task.h>
#include <coflat/detail/running_loop.h>
#include <coflat/detail/scheduled_callback.h>
#include <coflat/errors.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <cerrno>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace coflat {

template <class T> class task;
template <class T> class future;

/// What call_later and call_at return (asyncio.TimerHandle).
class timer_handle {
public:
  timer_handle() = default;
  /// Keeps the callback from running; once it ran, only cancelled() changes.
  void cancel() noexcept {
    if (cb_) {
      cb_->cancelled = true;
      cb_->fn = nullptr; // release what it captured now, like asyncio
    }
  }
  /// Whether cancel() was called (false for a timer that just ran, as in asyncio).
  bool cancelled() const noexcept { return cb_ && cb_->cancelled; }

private:
  friend class event_loop;
  explicit timer_handle(std::shared_ptr<detail::scheduled_callback> cb) : cb_(std::move(cb)) {}
  std::shared_ptr<detail::scheduled_callback> cb_;
};

class event_loop {
public:
  using clock = std::chrono::steady_clock;
  using time_point = clock::time_point;

  event_loop() {
    epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epoll_ < 0 || wake_ < 0)
      throw error("event_loop: cannot create epoll/eventfd");
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = wake_;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
  }
  event_loop(const event_loop&) = delete;
  event_loop& operator=(const event_loop&) = delete;
  ~event_loop() { close(); }

  // --- running ---

  /// Runs until stop() is called (asyncio's run_forever()).
  void run_forever() {
    run_while([] { return true; });
  }

  /// Runs until the task finishes; its result, or its exception rethrown.
  template <class T> T run_until_complete(task<T> t);
  template <class T> T run_until_complete(future<T> f);

  /// Stops run_forever() after the current iteration.
  void stop() noexcept { stopping_ = true; }
  bool is_running() const noexcept { return running_; }
  bool is_closed() const noexcept { return closed_; }

  /// Drops pending callbacks and timers, destroys the frames of tasks that
  /// never finished, and releases the epoll and eventfd descriptors.
  void close() noexcept {
    if (closed_ || running_)
      return;
    {
      std::lock_guard<std::mutex> lock(threadsafe_mutex_); // call_soon_threadsafe reads it
      closed_ = true;
    }
    while (pending_tasks_)
      pending_tasks_->coflat_abandon();
    ready_.clear();
    timers_.clear();
    readers_.clear();
    writers_.clear();
    ::close(epoll_);
    std::lock_guard<std::mutex> lock(threadsafe_mutex_);
    ::close(wake_);
  }

  // --- scheduling ---

  /// asyncio's loop.time(): the steady clock.
  time_point time() const noexcept { return clock::now(); }

  /// Runs fn in a later iteration; callbacks run in the order scheduled.
  void call_soon(std::function<void()> fn) {
    check_open();
    ready_.push_back(std::move(fn));
  }

  /// call_soon from any thread; wakes the loop if it is blocked waiting.
  void call_soon_threadsafe(std::function<void()> fn) {
    {
      std::lock_guard<std::mutex> lock(threadsafe_mutex_);
      check_open(); // close() takes the mutex too: the eventfd is still ours
      threadsafe_.push_back(std::move(fn));
    }
    std::uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(wake_, &one, sizeof one);
  }

  timer_handle call_later(clock::duration delay, std::function<void()> fn) {
    return call_at(time() + delay, std::move(fn));
  }
  timer_handle call_at(time_point when, std::function<void()> fn) {
    check_open();
    auto cb = std::make_shared<detail::scheduled_callback>();
    cb->fn = std::move(fn);
    timers_.push_back(timer{when, next_timer_seq_++, cb});
    std::push_heap(timers_.begin(), timers_.end(), timer::later);
    return timer_handle(std::move(cb));
  }

  /// Wraps the task in an asyncio Task scheduled on this loop; the future's
  /// cancel() raises cancelled_error at the task's current await.
  template <class T> future<T> create_task(task<T> t);

  // --- fd readiness ---

  void add_reader(int fd, std::function<void()> fn) { watch(fd, readers_, std::move(fn)); }
  void add_writer(int fd, std::function<void()> fn) { watch(fd, writers_, std::move(fn)); }
  bool remove_reader(int fd) { return unwatch(fd, readers_); }
  bool remove_writer(int fd) { return unwatch(fd, writers_); }

  // --- used by the task runtime ---

  void coflat_track(detail::pending_task* t) noexcept {
    t->next_pending = pending_tasks_;
    t->prev_pending = nullptr;
    if (pending_tasks_)
      pending_tasks_->prev_pending = t;
    pending_tasks_ = t;
  }
  void coflat_untrack(detail::pending_task* t) noexcept {
    (t->prev_pending ? t->prev_pending->next_pending : pending_tasks_) = t->next_pending;
    if (t->next_pending)
      t->next_pending->prev_pending = t->prev_pending;
    t->prev_pending = t->next_pending = nullptr;
  }
  /// Cancels every pending task (asyncio.run's cleanup); the number cancelled.
  std::size_t coflat_cancel_all() {
    std::vector<detail::pending_task*> all;
    for (detail::pending_task* t = pending_tasks_; t; t = t->next_pending)
      all.push_back(t);
    for (auto it = all.rbegin(); it != all.rend(); ++it) // creation order
      (*it)->coflat_cancel_task();
    return all.size();
  }
  /// Runs until no Task is pending (or stop()).
  void coflat_run_until_no_tasks() {
    run_while([this] { return pending_tasks_ != nullptr; });
  }

private:
  struct timer {
    time_point when;
    std::uint64_t seq;
    std::shared_ptr<detail::scheduled_callback> cb;
    // A min-heap on (when, seq): equal deadlines run in scheduling order.
    static bool later(const timer& a, const timer& b) noexcept {
      return a.when != b.when ? a.when > b.when : a.seq > b.seq;
    }
  };
  using watchers = std::unordered_map<int, std::shared_ptr<detail::scheduled_callback>>;

  void check_open() const {
    if (closed_)
      throw invalid_state_error("event loop is closed");
  }

  template <class Condition> void run_while(Condition condition) {
    if (closed_)
      throw invalid_state_error("event loop is closed");
    if (running_)
      throw invalid_state_error("this event loop is already running");
    if (detail::running_loop)
      throw invalid_state_error("cannot run the event loop while another loop is running");
    running_ = true;
    detail::running_loop = this;
    struct reset {
      event_loop* loop;
      ~reset() {
        loop->running_ = false;
        loop->stopping_ = false;
        detail::running_loop = nullptr;
      }
    } guard{this};
    while (condition()) {
      run_once();
      if (stopping_)
        break;
    }
  }

  void run_once() {
    int timeout_ms = -1;
    if (!ready_.empty() || stopping_) {
      timeout_ms = 0;
    } else if (!timers_.empty()) {
      // At most a day at a time, as asyncio: the int must not overflow.
      auto wait = std::min<clock::duration>(timers_.front().when - time(), std::chrono::hours(24));
      timeout_ms = wait <= clock::duration::zero()
                       ? 0
                       : int(std::chrono::ceil<std::chrono::milliseconds>(wait).count());
    }
    poll(timeout_ms);
    // Timers due now (asyncio adds the clock resolution; steady_clock's is 1ns).
    time_point end = time();
    while (!timers_.empty() && timers_.front().when <= end) {
      std::pop_heap(timers_.begin(), timers_.end(), timer::later);
      std::shared_ptr<detail::scheduled_callback> cb = std::move(timers_.back().cb);
      timers_.pop_back();
      if (!cb->cancelled)
        ready_.push_back([cb] {
          if (!cb->cancelled) {
            // Not marked cancelled: like asyncio's TimerHandle, cancelled()
            // stays false once it ran; a later cancel() has nothing to stop.
            std::function<void()> fn = std::move(cb->fn);
            fn();
          }
        });
    }
    // Only what is ready now; what these schedule runs next iteration.
    for (std::size_t n = ready_.size(); n > 0; --n) {
      std::function<void()> fn = std::move(ready_.front());
      ready_.pop_front();
      fn();
    }
  }

  void poll(int timeout_ms) {
    epoll_event events[64];
    int n = ::epoll_wait(epoll_, events, 64, timeout_ms);
    if (n < 0 && errno != EINTR)
      throw error("event_loop: epoll_wait failed");
    for (int i = 0; i < n; ++i) {
      int fd = events[i].data.fd;
      if (fd == wake_) {
        std::uint64_t count;
        [[maybe_unused]] ssize_t r = ::read(wake_, &count, sizeof count);
        continue;
      }
      std::uint32_t mask = events[i].events;
      bool error_or_hangup = mask & (EPOLLERR | EPOLLHUP);
      if (mask & EPOLLIN || error_or_hangup)
        queue_watcher(readers_, fd);
      if (mask & EPOLLOUT || error_or_hangup)
        queue_watcher(writers_, fd);
    }
    std::vector<std::function<void()>> from_threads;
    {
      std::lock_guard<std::mutex> lock(threadsafe_mutex_);
      from_threads.swap(threadsafe_);
    }
    for (auto& fn : from_threads)
      ready_.push_back(std::move(fn));
  }

  void queue_watcher(watchers& w, int fd) {
    auto it = w.find(fd);
    if (it == w.end())
      return;
    std::shared_ptr<detail::scheduled_callback> cb = it->second;
    ready_.push_back([cb] {
      if (!cb->cancelled)
        cb->fn();
    });
  }

  void watch(int fd, watchers& w, std::function<void()> fn) {
    check_open();
    auto cb = std::make_shared<detail::scheduled_callback>();
    cb->fn = std::move(fn);
    auto [it, added] = w.try_emplace(fd, cb);
    if (!added) {
      it->second->cancelled = true;
      it->second = cb;
    }
    update(fd);
  }
  bool unwatch(int fd, watchers& w) {
    auto it = w.find(fd);
    if (it == w.end())
      return false;
    it->second->cancelled = true;
    w.erase(it);
    update(fd);
    return true;
  }
  /// Sets the fd's epoll interest to its current readers and writers.
  void update(int fd) {
    std::uint32_t mask = (readers_.count(fd) ? EPOLLIN : 0u) | (writers_.count(fd) ? EPOLLOUT : 0u);
    epoll_event ev{};
    ev.events = mask;
    ev.data.fd = fd;
    bool registered = registered_.count(fd) != 0;
    if (mask == 0) {
      if (registered) {
        ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, &ev);
        registered_.erase(fd);
      }
      return;
    }
    if (::epoll_ctl(epoll_, registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0)
      throw error("event_loop: cannot watch fd " + std::to_string(fd));
    registered_.insert(fd);
  }

  int epoll_ = -1;
  int wake_ = -1;
  bool running_ = false;
  bool stopping_ = false;
  bool closed_ = false;
  std::deque<std::function<void()>> ready_;
  std::vector<timer> timers_;
  std::uint64_t next_timer_seq_ = 0;
  watchers readers_, writers_;
  std::unordered_set<int> registered_; // fds added to epoll
  std::mutex threadsafe_mutex_;
  std::vector<std::function<void()>> threadsafe_;
  detail::pending_task* pending_tasks_ = nullptr;
};

/// The loop running on this thread; invalid_state_error when none is.
inline event_loop& get_running_loop() {
  if (!detail::running_loop)
    throw invalid_state_error("no running event loop");
  return *detail::running_loop;
}

} // namespace coflat

#endif // COFLAT_EVENT_LOOP_H
