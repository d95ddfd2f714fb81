//===- Lowering.h - The library's entry points for the driver --------------===//
//
// lower: parse each source as C++20, find its coflat coroutines, analyse and
// print them, and return the whole file with those definitions replaced.
// states: the same analysis, shown as state graphs.  (Tool setup is in
// ToolSetup.cpp, the two consumers in Consumers.cpp, the output in
// LoweredOutput.cpp.)
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_LOWERING_H
#define COFLAT_LIB_LOWERING_H

#include "EmitOptions.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace coflat {

struct StateGraph;

struct LowerOptions {
  EmitOptions Emit;
};

/// The lowered text of one source file and the files it read.
struct LoweredFile {
  std::string Source;
  std::string Text;
  std::vector<std::string> Dependencies; ///< the source and every header it included
  bool Changed = false;                  ///< at least one coroutine was lowered
  bool Ok = false;                       ///< parsed and lowered without errors
};

/// Lowers Sources with the compile commands of DB.  Diagnostics go to stderr
/// in Clang's format; an input error yields an llvm::Error and no output.
llvm::Expected<std::vector<LoweredFile>>
lowerFiles(const clang::tooling::CompilationDatabase &DB, const std::vector<std::string> &Sources,
           const LowerOptions &Opts);

/// The state graphs of Source's coroutines (only those named Function, when
/// it is not empty), from the same analysis lowering uses.
llvm::Expected<std::vector<StateGraph>> inspectFile(const clang::tooling::CompilationDatabase &DB,
                                                    const std::string &Source,
                                                    llvm::StringRef Function);

/// Compiler arguments the tool adds: parse as C++20 at least, find Clang's
/// builtin headers.
std::vector<std::string> adjustArguments(const std::vector<std::string> &Args);

} // namespace coflat

#endif // COFLAT_LIB_LOWERING_H
