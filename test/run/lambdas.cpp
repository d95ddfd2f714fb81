// Lambdas in a coroutine that capture its frame variables: by reference
// they see (and change) the frame's objects, by copy they hold the value
// at the lambda's creation, as natively; a closure kept across a
// suspension lives in the frame with its state, and its captured objects
// are destroyed with it, also when the generator is destroyed while
// suspended.
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/generator.h>
#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

struct tracer {
  std::string name;
  explicit tracer(std::string n) : name(std::move(n)) {}
  tracer(const tracer& o) : name(o.name + "'") {}
  ~tracer() { std::printf("~%s\n", name.c_str()); }
};

coflat::generator<int> predicates(int k, std::vector<int> v) {
  int base = 10;
  co_yield 0;
  // A comparator and a predicate, passed in place.
  std::sort(v.begin(), v.end(), [&](int a, int b) { return a % k < b % k || (a % k == b % k && a < b); });
  for (int x : v)
    co_yield x;
  auto it = std::find_if(v.begin(), v.end(), [base](int x) { return x * 2 > base; });
  co_yield *it;
  // By copy: the value when the lambda was made; by reference: now.
  auto by_copy = [=] { return base + k; };
  auto by_ref = [&] { return base + k; };
  base = 100;
  co_yield by_copy();
  co_yield by_ref();
  k = 3;
  co_yield by_copy();
  co_yield by_ref();
}

coflat::generator<int> stateful() {
  int total = 0;
  // A mutable closure counts across suspensions; it also updates `total`.
  auto next = [n = 0, &total](int step) mutable {
    n += step;
    total += n;
    return n;
  };
  co_yield next(1);
  co_yield next(2);
  co_yield next(3);
  co_yield total;
  // Generic, nested, and returning a lambda.
  auto scale = [&total](auto x) { return [=] { return x * total; }; };
  int ten = scale(10)();
  co_yield ten;
  total = 1;
  co_yield ten;
  int seven = scale(7)();
  co_yield seven;
}

coflat::generator<std::string> owning(tracer t) {
  // The closure holds a copy of `t` and a moved string; both are destroyed
  // with the closure, before `t`.
  std::string word = "abc";
  auto say = [t, w = std::move(word)](int i) { return t.name + ":" + w + std::to_string(i); };
  co_yield say(1);
  co_yield "moved-from:" + word;
  co_yield say(2);
  co_yield say(3);
}

// In a template, where Clang lists no implicit captures: a capture-default
// captures the frame variables the body names.
template <class T> coflat::generator<T> sorted_by(std::vector<T> v, T k) {
  T base = k * 2;
  co_yield base;
  std::sort(v.begin(), v.end(), [&](T a, T b) { return a % k < b % k; });
  T r;
  {
    auto c = [=] { return base + k; };
    base = 0;
    r = c();
  }
  for (T x : v)
    co_yield x + r;
  typename std::vector<T>::iterator it = std::find_if(v.begin(), v.end(), [k](T x) { return x > k; });
  co_yield *it;
}

int main() {
  for (long x : sorted_by<long>({5, 2, 7, 4}, 3))
    std::printf("%ld\n", x);
  for (int x : predicates(4, {9, 6, 1, 4, 7}))
    std::printf("%d\n", x);
  for (int x : stateful())
    std::printf("%d\n", x);
  {
    auto g = owning(tracer("t"));
    std::printf("%s\n", g.next()->c_str());
    std::printf("%s\n", g.next()->c_str());
    std::printf("%s\n", g.next()->c_str());
    std::printf("destroy while suspended\n");
  }
  std::printf("end\n");
}
// CHECK:      6
// CHECK-NEXT: 16
// CHECK-NEXT: 13
// CHECK-NEXT: 14
// CHECK-NEXT: 11
// CHECK-NEXT: 7
// CHECK-NEXT: 0
// CHECK-NEXT: 4
// CHECK-NEXT: 1
// CHECK-NEXT: 9
// CHECK-NEXT: 6
// CHECK-NEXT: 7
// CHECK-NEXT: 9
// CHECK-NEXT: 14
// CHECK-NEXT: 104
// CHECK-NEXT: 14
// CHECK-NEXT: 103
// CHECK-NEXT: 1
// CHECK-NEXT: 3
// CHECK-NEXT: 6
// CHECK-NEXT: 10
// CHECK-NEXT: 100
// CHECK-NEXT: 100
// CHECK-NEXT: 7
// CHECK-NEXT: ~t
// CHECK-NEXT: t'':abc1
// CHECK-NEXT: moved-from:
// CHECK-NEXT: t'':abc2
// CHECK-NEXT: destroy while suspended
// CHECK-NEXT: ~t''
// CHECK-NEXT: ~t'
// CHECK-NEXT: end
