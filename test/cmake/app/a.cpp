// Checked when the program starts: this source's uses of gens.h.
#include "gens.h"
#include <cstdio>
#include <cstdlib>

static const int checked_a = [] {
  if (app::sum(app::evens(6)) != 12 || app::sum(app::upto(4)) != 10) {
    std::puts("a.cpp: wrong");
    std::abort();
  }
  return 0;
}();
