#include "config.h"
#include "gens.h"

#include <coflat/coflat.h>
#include <cstdio>

coflat::generator<int> countdown(int n) {
  while (n > 0)
    co_yield n--;
}

int main() {
  if (app::sum(app::upto(3)) != 6 || app::sum(app::pair_of<int>{1, 2}.both()) != 3)
    return 1;
  for (int v : countdown(COUNT_FROM))
    std::printf("%d\n", v);
}
