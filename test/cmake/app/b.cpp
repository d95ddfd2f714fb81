// Checked when the program starts: this source's uses of gens.h.
#include "gens.h"
#include <cstdio>
#include <cstdlib>

static const int checked_b = [] {
  app::pair_of<double> p{1.5, 2.0};
  if (app::sum(p.both()) != 3.5 || app::sum(app::upto(3L)) != 6L) {
    std::puts("b.cpp: wrong");
    std::abort();
  }
  return 0;
}();
