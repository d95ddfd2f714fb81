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
#include <tuple>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace coflat {

struct StateGraph;

/// Where one copy of a header goes (IncludeTree.h).
struct HeaderPlacement {
  enum class Root {
    Source,  ///< relative to the lowered source's directory
    Include, ///< relative to the include tree
  };
  Root From = Root::Source;
  std::string Path;
  bool operator<(const HeaderPlacement &O) const {
    return std::tie(From, Path) < std::tie(O.From, O.Path);
  }
};


struct LowerOptions {
  EmitOptions Emit;
  /// Where lowered copies of headers go (IncludeTree.h): beside the lowered
  /// sources, and the include tree.  Both are dropped from the include path
  /// while parsing, so that the originals are what is read.
  std::string SourceDir, IncludeDir;
};

/// A copy of a project header, lowered or needed for the lowered ones to
/// be reached, and where it goes (more than one place when it was reached
/// through more than one spelling).
struct LoweredHeader {
  std::vector<HeaderPlacement> Paths;
  std::string Text;
};

/// The lowered text of one source file and the files it read.
struct LoweredFile {
  std::string Source;
  std::string Text;
  std::vector<LoweredHeader> Headers;    ///< sorted by path
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
/// it is not empty), from the same analysis lowering uses; with
/// Instantiations, after a template's, those of its instantiations.
llvm::Expected<std::vector<StateGraph>> inspectFile(const clang::tooling::CompilationDatabase &DB,
                                                    const std::string &Source,
                                                    llvm::StringRef Function, bool Instantiations);

/// Compiler arguments the tool adds: parse as C++20 at least, find Clang's
/// builtin headers.
std::vector<std::string> adjustArguments(const std::vector<std::string> &Args);

/// Args without the include-path entries (-I, -iquote, -isystem,
/// -idirafter) that name Dir.
std::vector<std::string> withoutIncludeDir(const std::vector<std::string> &Args, llvm::StringRef Dir);

} // namespace coflat

#endif // COFLAT_LIB_LOWERING_H
