#include <coflat/coflat.h>

struct counter {
  int n = 0;
  coflat::generator<int> items();
};

coflat::generator<int> counter::items() {
  co_yield n;
}

int main() {
  counter c;
  for (int v : c.items())
    (void)v;
}
