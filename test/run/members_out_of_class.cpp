// Member coroutines defined after their class, as ordinary C++ writes them
// (the class in a header, the definitions in a source): non-static and
// static ones, const and ref-qualified ones, tasks, one in a namespace, one
// with a trailing return type.  Each reaches the class's private members
// and types, as natively (its frame is a local class of the function).
// (Templates defined outside their class: diagnostics/members.cpp.)
// RUN: %run-all %s %t | FileCheck %s
#include <coflat/asyncio.h>
#include <coflat/generator.h>
#include <coflat/task.h>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace shapes {

class tree {
public:
  explicit tree(std::vector<int> values);
  coflat::generator<int> in_order() const;
  coflat::generator<int> deeper_than(int depth) const;
  static coflat::generator<std::string> labels(int n);
  coflat::generator<int> steal() &&;
  coflat::generator<int> peek() &;

private:
  struct node {
    int value;
    std::unique_ptr<node> left, right;
  };
  static coflat::generator<int> walk(const node* n);
  static coflat::generator<int> walk_depth(const node* n, int depth, int min);
  static void insert(std::unique_ptr<node>& at, int v);
  static constexpr const char* prefix = "label-";
  std::unique_ptr<node> root_;
  int size_ = 0;
};

tree::tree(std::vector<int> values) {
  for (int v : values)
    insert(root_, v);
  size_ = static_cast<int>(values.size());
}

void tree::insert(std::unique_ptr<node>& at, int v) {
  if (!at)
    at.reset(new node{v, nullptr, nullptr});
  else
    insert(v < at->value ? at->left : at->right, v);
}

coflat::generator<int> tree::walk(const node* n) {
  if (!n)
    co_return;
  co_yield coflat::yield_from(walk(n->left.get()));
  co_yield n->value;
  co_yield coflat::yield_from(walk(n->right.get()));
}

coflat::generator<int> tree::in_order() const { co_yield coflat::yield_from(walk(root_.get())); }

coflat::generator<int> tree::walk_depth(const node* n, int depth, int min) {
  for (const node* child : {n->left.get(), n->right.get()})
    if (child)
      co_yield coflat::yield_from(walk_depth(child, depth + 1, min));
  if (depth > min)
    co_yield n->value;
}

coflat::generator<int> tree::deeper_than(int depth) const {
  const node* r = root_.get();
  if (r)
    co_yield coflat::yield_from(walk_depth(r, 0, depth));
}

coflat::generator<std::string> tree::labels(int n) {
  for (int i = 0; i < n; ++i)
    co_yield std::string(prefix) + std::to_string(i);
}

coflat::generator<int> tree::steal() && {
  tree mine = std::move(*this);
  std::printf("stolen %d values\n", mine.size_);
  co_yield coflat::yield_from(walk(mine.root_.get()));
}

coflat::generator<int> tree::peek() & {
  co_yield size_;
  co_yield root_ ? root_->value : -1;
}

} // namespace shapes

class service {
public:
  explicit service(int base) : base_(base) {}
  coflat::task<int> lookup(int key);
  auto twice(int key) -> coflat::task<int>;

private:
  int base_;
  int calls_ = 0;
};

coflat::task<int> service::lookup(int key) {
  ++calls_;
  co_await coflat::sleep(std::chrono::milliseconds(1));
  co_return base_ + key;
}

auto service::twice(int key) -> coflat::task<int> {
  int a = co_await lookup(key);
  int b = co_await lookup(key + 1);
  std::printf("calls %d\n", calls_);
  co_return a + b;
}

int main() {
  shapes::tree t({5, 3, 8, 1, 4, 9});
  std::printf("in order:");
  for (int v : t.in_order())
    std::printf(" %d", v);
  std::printf("\ndeeper than 1:");
  for (int v : t.deeper_than(1))
    std::printf(" %d", v);
  std::printf("\n");
  for (const std::string& s : shapes::tree::labels(2))
    std::printf("%s\n", s.c_str());
  for (int v : t.peek())
    std::printf("peek %d\n", v);
  {
    auto g = std::move(t).steal();
    std::printf("before the first value\n");
    for (int v : g)
      std::printf("stolen value %d\n", v);
  }

  service svc(100);
  std::printf("twice %d\n", coflat::run(svc.twice(1)));
}
// CHECK:      in order: 1 3 4 5 8 9
// CHECK-NEXT: deeper than 1: 1 4 9
// CHECK-NEXT: label-0
// CHECK-NEXT: label-1
// CHECK-NEXT: peek 6
// CHECK-NEXT: peek 5
// CHECK-NEXT: before the first value
// CHECK-NEXT: stolen 6 values
// CHECK-NEXT: stolen value 1
// CHECK-NEXT: stolen value 3
// CHECK-NEXT: stolen value 4
// CHECK-NEXT: stolen value 5
// CHECK-NEXT: stolen value 8
// CHECK-NEXT: stolen value 9
// CHECK-NEXT: calls 2
// CHECK-NEXT: twice 203
