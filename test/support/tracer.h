// Objects that print their lifetime, so a test's output shows exactly when
// each is constructed and destroyed.  Shared by the run tests.
#ifndef COFLAT_TEST_TRACER_H
#define COFLAT_TEST_TRACER_H

#include <cstdio>
#include <string>

struct tracer {
  std::string name;
  explicit tracer(std::string n) : name(std::move(n)) { std::printf("+%s\n", name.c_str()); }
  tracer(const tracer& o) : name(o.name + "'") { std::printf("+%s (copy)\n", name.c_str()); }
  tracer(tracer&& o) noexcept : name(o.name + "~") { std::printf("+%s (move)\n", name.c_str()); }
  tracer& operator=(const tracer&) = delete;
  ~tracer() { std::printf("-%s\n", name.c_str()); }
};

// Neither copyable nor movable, and not default-constructible.
struct pinned {
  int value;
  explicit pinned(int v) : value(v) { std::printf("+pinned %d\n", value); }
  pinned(const pinned&) = delete;
  pinned& operator=(const pinned&) = delete;
  ~pinned() { std::printf("-pinned %d\n", value); }
};

#endif
