#!/usr/bin/env bash
# The CMake integration, as a user meets it:
#   1. install coflat to a prefix; a three-line project finds it, builds, runs
#   2. editing an included header lowers again and changes the output; a
#      header of coroutines shared by three sources is lowered into a copy,
#      and editing it lowers all three again
#   3. a second build with nothing changed does nothing
#   4. an unsupported construct fails the build at the user's file and line
#   5. the same project with coflat added by add_subdirectory()
# (2 is checked with Ninja and with Makefiles.)
# usage: run.sh <coflat-build-dir> <coflat-source-dir> <work-dir> [subdir]
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd) work=$3 mode=${4:-installed}
cxx=$(grep -E '^CMAKE_CXX_COMPILER:' "$build/CMakeCache.txt" | cut -d= -f2)
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "$mode" = subdir ]; then
  mkdir -p "$work/b"
  cp "$src/test/cmake/app/config.h.in" "$work/b/config.h"
  cmake -S "$src/test/cmake/subdir" -B "$work/b" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
    -DCOFLAT_SOURCE_DIR="$src" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
  cmake --build "$work/b" >"$work/build.log" || { cat "$work/build.log"; fail "add_subdirectory build"; }
  [ "$("$work/b/app" | tr '\n' ' ')" = "3 2 1 " ] || fail "add_subdirectory: wrong output"
  echo "PASS: add_subdirectory project builds and runs"
  exit 0
fi

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cp -r "$src/test/cmake/app" "$work/app"
cp "$work/app/config.h.in" "$work/app/config.h"
cmake -S "$work/app" -B "$work/app/b" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/configure.log"
cmake --build "$work/app/b" >"$work/build.log" || { cat "$work/build.log"; fail "installed build"; }
out=$("$work/app/b/app" | tr '\n' ' ')
[ "$out" = "3 2 1 " ] || fail "first run printed '$out'"
echo "PASS: find_package project builds and runs"

# A second checkout elsewhere lowers to the same bytes: the #line paths are
# relative to the source directory.  So a compiler cache hits across the
# two: both checkouts are built through ccache (base_dir above them), the
# second one only from the cache.
export CCACHE_DIR="$work/ccache" CCACHE_BASEDIR="$work"
for checkout in checkout1 checkout2; do
  cp -r "$src/test/cmake/app" "$work/$checkout"
  cp "$work/$checkout/config.h.in" "$work/$checkout/config.h"
  cmake -S "$work/$checkout" -B "$work/$checkout/build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
done
cmake --build "$work/checkout1/build" >"$work/checkout1.log" || { cat "$work/checkout1.log"; fail "first checkout"; }
ccache -z >/dev/null
cmake --build "$work/checkout2/build" >"$work/checkout2.log" || { cat "$work/checkout2.log"; fail "second checkout"; }
lowered1="$work/checkout1/build/coflat/app/main.cpp"
cmp "$lowered1" "$work/checkout2/build/coflat/app/main.cpp" || fail "two checkouts lowered to different bytes"
grep -q '^#line [0-9]* "./main.cpp"$' "$lowered1" || fail "#line paths are not relative"
! grep -q "$work" "$lowered1" || fail "the lowered file names the checkout"
ccache --print-stats | grep -qx $'cache_miss\t0' || { ccache -s; fail "the second checkout missed the compiler cache"; }
ccache --print-stats | grep -q $'^\(direct\|preprocessed\)_cache_hit\t[1-9]' || { ccache -s; fail "no cache hit"; }
unset CCACHE_DIR CCACHE_BASEDIR
echo "PASS: two checkouts lower to the same bytes, and the second hits the compiler cache"

lowered="$work/app/b/coflat/app/main.cpp"
[ -f "$lowered" ] || fail "no lowered file at $lowered"
grep -q "struct countdown_frame" "$lowered" || fail "the lowered file has no frame"
before=$(stat -c %Y "$lowered")
sleep 1
echo '#define COUNT_FROM 4' >"$work/app/config.h"
cmake --build "$work/app/b" >"$work/rebuild.log"
grep -q "coflat: lowering main.cpp" "$work/rebuild.log" || { cat "$work/rebuild.log"; fail "a header edit did not lower again"; }
[ "$(stat -c %Y "$lowered")" != "$before" ] || fail "the lowered file was not rewritten"
out=$("$work/app/b/app" | tr '\n' ' ')
[ "$out" = "4 3 2 1 " ] || fail "after the header edit it printed '$out'"
echo "PASS: a header edit lowers again"

# gens.h holds coroutines (a template, an inline generator, a member of a
# class template) and is included by the target's three sources: its
# lowered copy stands beside theirs, and an edit to it lowers all three.
copy="$work/app/b/coflat/app/gens.h"
[ -f "$copy" ] || fail "no lowered copy of gens.h at $copy"
! grep -q co_yield "$copy" || fail "the copy of gens.h was not lowered"
grep -q "struct upto_frame" "$copy" || fail "the copy of gens.h has no frame for upto"
sleep 1
echo '// edited' >>"$work/app/gens.h"
cmake --build "$work/app/b" >"$work/header-edit.log"
for f in main.cpp a.cpp b.cpp; do
  grep -q "coflat: lowering $f" "$work/header-edit.log" || { cat "$work/header-edit.log"; fail "editing gens.h did not lower $f again"; }
done
grep -q '^// edited$' "$copy" || fail "the copy of gens.h was not rewritten"
[ "$("$work/app/b/app" | tr '\n' ' ')" = "4 3 2 1 " ] || fail "after editing gens.h the program is wrong"
echo "PASS: a header with coroutines is lowered once for its three users, and an edit lowers all three"

cmake --build "$work/app/b" >"$work/noop.log"
grep -q "no work to do" "$work/noop.log" || { cat "$work/noop.log"; fail "a no-op build did work"; }
echo "PASS: a no-op build does nothing"

# The same header-edit rebuild with the Makefile generator.
cp -r "$src/test/cmake/app" "$work/make"
cp "$work/make/config.h.in" "$work/make/config.h"
cmake -S "$work/make" -B "$work/make/b" -G "Unix Makefiles" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/make/b" >"$work/make.log" || { cat "$work/make.log"; fail "Makefiles build"; }
[ "$("$work/make/b/app" | tr '\n' ' ')" = "3 2 1 " ] || fail "Makefiles: wrong output"
sleep 1
echo '#define COUNT_FROM 2' >"$work/make/config.h"
cmake --build "$work/make/b" >"$work/make-rebuild.log"
[ "$("$work/make/b/app" | tr '\n' ' ')" = "2 1 " ] || { cat "$work/make-rebuild.log"; fail "Makefiles: a header edit did not lower again"; }
echo "PASS: Makefiles: a header edit lowers again"

cp -r "$src/test/cmake/bad" "$work/bad"
cmake -S "$work/bad" -B "$work/bad/b" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
if cmake --build "$work/bad/b" >"$work/bad.log" 2>&1; then fail "an unsupported construct built"; fi
grep -q "$work/bad/main.cpp:6:3: error: cannot lower: co_await in a generator" "$work/bad.log" \
  || { cat "$work/bad.log"; fail "the diagnostic does not point at the user's line"; }
[ ! -e "$work/bad/b/coflat/bad/main.cpp" ] || fail "a failed lowering left an output file"
echo "PASS: an unsupported construct fails the build at main.cpp:6:3"
