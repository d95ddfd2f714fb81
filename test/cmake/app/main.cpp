#include "config.h"

#include <coflat/coflat.h>
#include <cstdio>

coflat::generator<int> countdown(int n) {
  while (n > 0)
    co_yield n--;
}

int main() {
  for (int v : countdown(COUNT_FROM))
    std::printf("%d\n", v);
}
