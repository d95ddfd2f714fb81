// The benchmarked generators, declared for both builds of generators.cpp.
#ifndef COFLAT_BENCH_GENERATORS_H
#define COFLAT_BENCH_GENERATORS_H

#include <coflat/coflat.h>

#include <exception>
#include <string>

#define COFLAT_BENCH_DECLARE(ns)                                                \
  namespace ns {                                                                \
  coflat::generator<int> count(int n);                                          \
  coflat::generator<int> chain(int depth, int n);                               \
  coflat::generator<int, int, int> accumulate();                                \
  coflat::generator<std::string, int, int> tagged(std::string tag);             \
  }
COFLAT_BENCH_DECLARE(native)
COFLAT_BENCH_DECLARE(lowered)
#undef COFLAT_BENCH_DECLARE

#endif
