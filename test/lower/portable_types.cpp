// The frame spells standard library types as every library does: member
// typedefs such as std::vector<int>::iterator (also what `auto` deduced),
// never the library's internal classes, so that output lowered against
// libstdc++ builds against libc++ too (issue #9, bug 7; the run suite
// builds every run test's output with -stdlib=libc++).
// RUN: %coflat lower %s --no-line-directives -- %flags | FileCheck %s
// RUN: %coflat lower %s -o %t.cpp -- %flags
// RUN: %clang17 -stdlib=libc++ -fsyntax-only %t.cpp
#include <coflat/generator.h>
#include <map>
#include <string>
#include <vector>

coflat::generator<int> walk(std::vector<int> v, std::map<std::string, int> m) {
  for (int x : v)
    co_yield x;
  auto it = m.begin();
  std::vector<int>::const_iterator c = v.cbegin();
  co_yield it->second + *c;
}

// CHECK-NOT: __gnu_cxx
// CHECK-NOT: _Rb_tree
// CHECK: union { std::vector<int, std::allocator<int>>::iterator coflat_begin1; };
// CHECK: union { std::vector<int, std::allocator<int>>::iterator coflat_end1; };
// CHECK: union { std::map<{{.*}}>::iterator it; };
// CHECK: union { std::vector<int, std::allocator<int>>::const_iterator c; };
