// coflat/detail/fd_awaiter.h - what `co_await readable(fd)` and
// `co_await writable(fd)` suspend on.
//
// The loop's reader or writer completes a future the task waits on; the fd
// is unwatched when the awaiter resumes or is destroyed (cancelled).
#ifndef COFLAT_DETAIL_FD_AWAITER_H
#define COFLAT_DETAIL_FD_AWAITER_H

#include <coflat/detail/future_state.h>
#include <coflat/event_loop.h>

#include <memory>
#include <utility>

namespace coflat::detail {

/// readable(fd) / writable(fd): waits until epoll reports the fd ready.
class fd_awaiter {
public:
  fd_awaiter(int fd, bool write) noexcept : fd_(fd), write_(write) {}
  fd_awaiter(fd_awaiter&& other) noexcept
      : fd_(other.fd_), write_(other.write_), loop_(std::exchange(other.loop_, nullptr)),
        ready_(std::move(other.ready_)) {}
  ~fd_awaiter() { unwatch(); }
  bool await_ready() const noexcept { return false; }
  template <class Handle> void await_suspend(Handle h) {
    loop_ = &get_running_loop();
    ready_ = std::make_shared<future_state<void>>();
    auto on_ready = [ready = ready_] {
      if (!ready->done())
        ready->set_result();
    };
    if (write_)
      loop_->add_writer(fd_, on_ready);
    else
      loop_->add_reader(fd_, on_ready);
    h.coflat_wait_on(*ready_);
  }
  void await_resume() {
    unwatch();
    ready_->result();
  }

private:
  void unwatch() noexcept {
    if (event_loop* loop = std::exchange(loop_, nullptr); loop && !loop->is_closed()) {
      if (write_)
        loop->remove_writer(fd_);
      else
        loop->remove_reader(fd_);
    }
  }
  int fd_;
  bool write_;
  event_loop* loop_ = nullptr;
  std::shared_ptr<future_state<void>> ready_;
};

} // namespace coflat::detail

#endif // COFLAT_DETAIL_FD_AWAITER_H
