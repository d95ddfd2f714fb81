# lit configuration for coflat's suites:
#   lower/        FileCheck on the lowered text
#   run/          lower, build with g++ and clang++ -std=c++17, run; build the
#                 same source natively with clang++ -std=c++20; all must print
#                 the same, and FileCheck checks it
#   diagnostics/  what cannot be lowered is reported, with no output
#   examples/     the bundled examples against their Python originals
#   states/       `coflat states` in its three formats, checked against lower
import os
import lit.formats

config.name = "coflat"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.test_source_root = os.path.dirname(__file__)
config.excludes = ["unit", "fuzz", "Inputs", "lit.cfg.py", "CMakeLists.txt", "support", "cmake"]

flags = "-I{} -I{}".format(config.runtime_include, os.path.join(config.test_source_root, "support"))
warn = "-Wall -Wextra -Werror -Wno-unused-parameter -Wno-unused-variable -Wno-unused-but-set-variable"
san = "-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g" if config.sanitize else "-O1"
link = config.runtime_lib

config.substitutions.append(("%coflat", config.coflat_bin))
config.substitutions.append(("%flags", flags))
config.substitutions.append(("%gxx17", "{} -std=c++17 {} {} {}".format(config.gxx, warn, san, flags)))
config.substitutions.append(("%clang17", "{} -std=c++17 {} {} {}".format(config.clangxx, warn, san, flags)))
config.substitutions.append(("%clang20", "{} -std=c++20 {} {} {}".format(config.clangxx, warn, san, flags)))
config.substitutions.append(("%runtime", link))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%srcroot", config.coflat_src))
# lower + build three ways + run + compare: prints the native output.
# The lowered output is also built against libc++ (Debian: libc++-19-dev),
# in the plain run (the sanitized run repeats the libstdc++ builds only).
libcxx = "" if config.sanitize else "{} -std=c++17 -stdlib=libc++ {} {} {}".format(config.clangxx, warn, san, flags)
config.substitutions.append(("%run-all", "{} {} --coflat {} --gxx '{}' --clang17 '{}' --clang20 '{}' --libcxx '{}' --runtime {}".format(
    config.python, os.path.join(config.test_source_root, "support", "run_all.py"), config.coflat_bin,
    "{} -std=c++17 {} {} {}".format(config.gxx, warn, san, flags),
    "{} -std=c++17 {} {} {}".format(config.clangxx, warn, san, flags),
    "{} -std=c++20 {} {} {}".format(config.clangxx, warn, san, flags), libcxx, link)))
# `coflat states` against `coflat lower` and the compilers' layout.
config.substitutions.append(("%check-states", "{} {} --coflat {} --flags '{}' --compilers '{}'".format(
    config.python, os.path.join(config.test_source_root, "support", "check_states.py"), config.coflat_bin,
    flags, "{} -std=c++17 {};{} -std=c++17 {}".format(config.gxx, flags, config.clangxx, flags))))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%not", config.not_tool))
config.environment["ASAN_OPTIONS"] = "detect_leaks=1"
config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1"
