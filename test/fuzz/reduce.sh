#!/usr/bin/env bash
# Shrinks a failing program that scripts/fuzz.sh kept, with cvise (Debian
# package cvise), keeping the failure's class:
#
#   bash test/fuzz/reduce.sh build/fuzz-failures/seed17-p3-mismatch
#
# writes reduced.cpp beside unit.cpp.  The program is one generated
# program already (gen.py --only); cvise removes what the failure does not
# need.  Run from the repository root, with ./build built.
set -euo pipefail
dir=$(cd "$1" && pwd)
root=$(pwd)
command -v cvise >/dev/null || { echo "cvise is not installed (apt-get install cvise)" >&2; exit 2; }
class=${dir##*-}
work=$(mktemp -d)
cp "$dir/unit.cpp" "$work/unit.cpp"
cat > "$work/test.sh" <<TEST
#!/usr/bin/env bash
# Interesting: native builds and runs, and the lowered program still fails as "$class".
inc="-I$root/runtime/include -I$root/test/fuzz"
lib=$root/build/runtime/libcoflat_runtime.a
# The program must stay valid C++20; only a run needs a binary.
case "$class" in
  refused|tool-crash|no-compile) clang++-19 -std=c++20 -w -fsyntax-only \$inc unit.cpp 2>/dev/null || exit 1 ;;
  *) clang++-19 -std=c++20 -w \$inc unit.cpp \$lib -o native 2>/dev/null || exit 1
     timeout 10 ./native > native.out 2>/dev/null; nrc=\$? ;;
esac
$root/build/bin/coflat lower unit.cpp -o lowered.cpp -- \$inc 2>/dev/null; rc=\$?
case "$class" in
  refused) [ \$rc -eq 1 ]; exit ;;
  tool-crash) [ \$rc -ne 0 ] && [ \$rc -ne 1 ]; exit ;;
esac
[ \$rc -eq 0 ] || exit 1
if [ "$class" = no-compile ]; then
  ! g++ -std=c++17 -w \$inc lowered.cpp \$lib -o lowered 2>/dev/null || ! clang++-19 -std=c++17 -w \$inc lowered.cpp \$lib -o lowered 2>/dev/null
  exit
fi
for cc in g++ clang++-19; do
  \$cc -std=c++17 -w \$inc lowered.cpp \$lib -o lowered 2>/dev/null || exit 1
  timeout 10 ./lowered > lowered.out 2>/dev/null; lrc=\$?
  { [ \$lrc -ne \$nrc ] || ! cmp -s native.out lowered.out; } && exit 0
done
exit 1
TEST
chmod +x "$work/test.sh"
(cd "$work" && cvise --n "${CVISE_JOBS:-1}" ./test.sh unit.cpp)
cp "$work/unit.cpp" "$dir/reduced.cpp"
echo "reduced: $dir/reduced.cpp"
