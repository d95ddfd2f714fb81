// #line directives map the lowered code back to the user's source: on by
// default, off with --no-line-directives.
// RUN: %coflat lower %s -- %flags | FileCheck %s
// RUN: %coflat lower %s --no-line-directives -- %flags | FileCheck %s --check-prefix=NOLINE
// A diagnostic in the lowered code points at the user's file and line.
// RUN: %coflat lower %s -o %t.cpp -- %flags
// RUN: %not %clang17 -fsyntax-only %t.cpp 2>&1 | FileCheck %s --check-prefix=DIAG
// Without #line it points at the lowered file, and the output still compiles
// the same way.
// RUN: %coflat lower %s --no-line-directives -o %t.noline.cpp -- %flags
// RUN: %not %clang17 -fsyntax-only %t.noline.cpp 2>&1 | FileCheck %s --check-prefix=DIAG-NOLINE
#include <coflat/coflat.h>

[[deprecated("use new_api")]] int old_api(int x) { return x; }

// CHECK:      {{^}}#line [[@LINE+1]] "{{.*}}line_directives.cpp"
coflat::generator<int> gen(int n) {
  for (int i = 0; i < n; ++i) {
    co_yield i;
    int k = old_api(i);
    (void)k;
  }
}
// CHECK-NEXT: {{^}}struct gen_frame final
// CHECK:      {{^}}#line 17 "{{.*}}line_directives.cpp"
// CHECK-NEXT: {{^}}coflat::generator<int> gen(int n) {
// CHECK:      {{^}}void gen_frame::coflat_resume() {
// CHECK:      {{^}}#line 17 "{{.*}}line_directives.cpp"
// After the function, the directive resumes the source numbering.
// CHECK:      {{^}}#line 23 "{{.*}}line_directives.cpp"

// DIAG: {{.*}}line_directives.cpp:20:{{[0-9]+}}: error: 'old_api' is deprecated: use new_api
// DIAG-NOLINE: {{.*}}.noline.cpp:{{[0-9]+}}:{{[0-9]+}}: error: 'old_api' is deprecated: use new_api

// NOLINE-NOT: {{^}}#line
// NOLINE: {{^}}struct gen_frame final
// NOLINE-NOT: {{^}}#line

// --file-prefix-map=OLD=NEW rewrites the paths in #line directives (as the
// compilers' -ffile-prefix-map, also accepted in that spelling); the last
// OLD that matches wins.
// RUN: %coflat lower %s --file-prefix-map=%S=/src -- %flags | FileCheck %s --check-prefix=MAP
// RUN: %coflat lower %s -ffile-prefix-map=%S=/src -- %flags | FileCheck %s --check-prefix=MAP
// RUN: %coflat lower %s --file-prefix-map=%S=/other --file-prefix-map=%S=/src -- %flags | FileCheck %s --check-prefix=MAP
// MAP: {{^}}#line 17 "/src/line_directives.cpp"
// MAP-NOT: {{^}}#line {{.*}} "/other
