// The benchmarked async functions, declared for both builds of async.cpp.
#ifndef COFLAT_BENCH_ASYNC_H
#define COFLAT_BENCH_ASYNC_H

#include <coflat/coflat.h>

#define COFLAT_BENCH_DECLARE(ns)                                                \
  namespace ns {                                                                \
  coflat::task<void> ping(int n);                                               \
  coflat::task<void> ping_pong(int tasks, int n);                                \
  coflat::task<void> volley(coflat::future<int>* in, coflat::future<int>* out,  \
                            int n);                                             \
  coflat::task<int> volley_pair(int n);                                         \
  coflat::task<int> leaf(int x);                                                \
  coflat::task<int> chain(int depth, int x);                                    \
  coflat::task<long> await_loop(int depth, int n);                              \
  coflat::task<void> nap();                                                     \
  coflat::task<void> spawn(int n);                                              \
  coflat::task<void> sleeper();                                                 \
  }
COFLAT_BENCH_DECLARE(native)
COFLAT_BENCH_DECLARE(lowered)
#undef COFLAT_BENCH_DECLARE

#endif
