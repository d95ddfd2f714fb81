// A future set by one task and awaited by another, ported from
// future_done.py (kept beside this file): asyncio's slow_operation(future)
// example, plus a done callback and a future that gets an exception
// instead of a result.
#include <coflat/coflat.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>

using namespace std::chrono_literals;

coflat::task<void> slow_operation(coflat::future<std::string> fut) {
  co_await coflat::sleep(10ms);
  std::puts("slow_operation: setting the result");
  fut.set_result("Future is done!");
  std::puts("slow_operation: set, nothing has run yet");
}

coflat::task<void> failing_operation(coflat::future<std::string> fut) {
  co_await coflat::sleep(10ms);
  std::puts("failing_operation: setting an exception");
  fut.set_exception(std::make_exception_ptr(std::invalid_argument("the operation failed")));
}

std::string message(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "unknown exception";
  }
}

// A done callback: runs from the loop once the future is done.
void report(coflat::future<std::string>& fut) {
  if (fut.exception())
    std::printf("callback: failed with '%s'\n", message(fut.exception()).c_str());
  else
    std::printf("callback: %s\n", fut.result().c_str());
}

const char* python_bool(bool b) { return b ? "True" : "False"; }

coflat::task<void> main_task() {
  coflat::future<std::string> fut;
  fut.add_done_callback(report);
  coflat::future<void> task = coflat::create_task(slow_operation(fut));
  std::printf("main: waiting, done=%s\n", python_bool(fut.done()));
  std::string result = co_await fut;
  std::printf("main: %s\n", result.c_str());
  std::printf("main: done=%s\n", python_bool(fut.done()));
  co_await task;
  try {
    fut.set_result("again");
  } catch (const coflat::invalid_state_error&) {
    std::puts("main: a result cannot be set twice");
  }

  coflat::future<std::string> failing;
  failing.add_done_callback(report);
  task = coflat::create_task(failing_operation(failing));
  try {
    co_await failing;
    std::puts("main: not reached");
  } catch (const std::invalid_argument& e) {
    std::printf("main: caught '%s'\n", e.what());
  }
  co_await task;

  // A callback added to a future that is done already is scheduled at once.
  fut.add_done_callback(report);
  std::puts("main: callback added late");
  co_await coflat::sleep(0s);
  std::puts("done");
}

int main() { coflat::run(main_task()); }
