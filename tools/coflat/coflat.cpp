//===- coflat.cpp - The command-line driver --------------------------------===//
//
// Option parsing only; the work is in lib/.
//
//===----------------------------------------------------------------------===//
#include "Lowering.h"
#include "StateGraph.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "clang/Basic/Version.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace {

constexpr int ExitOk = 0, ExitInputError = 1, ExitUsage = 2;

const char *Usage =
    "usage: coflat lower <source>... [-o <file> | --out-dir <dir>] [-p <build-dir>]\n"
    "                    [--MD --MF <depfile>] [--no-line-directives] [-- <compiler args>]\n"
    "       coflat states <source> [--format=text|json|dot] [--function=<name>]\n"
    "                     [-p <build-dir>] [-- <compiler args>]\n"
    "       coflat --version\n";

int usage(const llvm::Twine &Msg) {
  llvm::errs() << "coflat: error: " << Msg << "\n" << Usage;
  return ExitUsage;
}

struct LowerArgs {
  std::vector<std::string> Sources;
  std::string Output, OutDir, BuildDir, DepFile;
  bool MD = false;
  coflat::LowerOptions Opts;
  std::vector<std::string> CompilerArgs;
  bool HasCompilerArgs = false;
};

bool writeFile(llvm::StringRef Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC) {
    llvm::errs() << "coflat: error: cannot write '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  OS << Text;
  return true;
}

std::string escapeMake(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (C == ' ' || C == '#')
      Out += '\\';
    if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

/// The compilation database: `--` args, `-p`, or Clang tooling's search for
/// a compile_commands.json above the source.
std::unique_ptr<clang::tooling::CompilationDatabase> database(const LowerArgs &A, std::string &Err) {
  if (A.HasCompilerArgs)
    return std::make_unique<clang::tooling::FixedCompilationDatabase>(".", A.CompilerArgs);
  if (!A.BuildDir.empty())
    return clang::tooling::CompilationDatabase::loadFromDirectory(A.BuildDir, Err);
  if (auto DB = clang::tooling::CompilationDatabase::autoDetectFromSource(A.Sources.front(), Err))
    return DB;
  return std::make_unique<clang::tooling::FixedCompilationDatabase>(".", A.CompilerArgs);
}

int runStates(LowerArgs &A, llvm::StringRef Format, llvm::StringRef Function) {
  if (A.Sources.size() != 1)
    return usage("states takes one source");
  if (Format != "text" && Format != "json" && Format != "dot")
    return usage("--format must be text, json or dot");
  if (!llvm::sys::fs::exists(A.Sources.front())) {
    llvm::errs() << "coflat: error: no such file: '" << A.Sources.front() << "'\n";
    return ExitInputError;
  }
  std::string Err;
  auto DB = database(A, Err);
  if (!DB)
    return usage("cannot load compile_commands.json from '" + A.BuildDir + "': " + Err);
  auto Graphs = coflat::inspectFile(*DB, A.Sources.front(), Function);
  if (!Graphs) {
    llvm::consumeError(Graphs.takeError());
    return ExitInputError;
  }
  if (!Function.empty() && Graphs->empty()) {
    llvm::errs() << "coflat: error: no coroutine named '" << Function << "' in '"
                 << A.Sources.front() << "'\n";
    return ExitInputError;
  }
  if (Format == "json") {
    coflat::printJson(*Graphs, llvm::outs());
  } else if (Format == "dot") {
    llvm::outs() << "digraph coflat {\n  node [fontname=\"monospace\", fontsize=10];\n";
    for (const coflat::StateGraph &G : *Graphs)
      coflat::printDot(G, llvm::outs());
    llvm::outs() << "}\n";
  } else {
    for (size_t I = 0; I < Graphs->size(); ++I) {
      if (I)
        llvm::outs() << "\n";
      coflat::printText((*Graphs)[I], llvm::outs());
    }
  }
  return ExitOk;
}

int runLower(LowerArgs &A) {
  if (A.Sources.empty())
    return usage("no source files");
  if (!A.Output.empty() && !A.OutDir.empty())
    return usage("-o and --out-dir are exclusive");
  if (!A.Output.empty() && A.Sources.size() > 1)
    return usage("-o takes one source; use --out-dir for several");
  if (A.Output.empty() && A.OutDir.empty() && A.Sources.size() > 1)
    return usage("several sources need --out-dir");
  if (A.MD != !A.DepFile.empty())
    return usage("--MD and --MF <depfile> go together");
  if (A.MD && A.Output.empty() && A.OutDir.empty())
    return usage("--MD needs -o or --out-dir");

  std::string Err;
  std::unique_ptr<clang::tooling::CompilationDatabase> DB = database(A, Err);
  if (!DB)
    return usage("cannot load compile_commands.json from '" + A.BuildDir + "': " + Err);
  for (const std::string &S : A.Sources)
    if (!llvm::sys::fs::exists(S)) {
      llvm::errs() << "coflat: error: no such file: '" << S << "'\n";
      return ExitInputError;
    }

  auto Files = coflat::lowerFiles(*DB, A.Sources, A.Opts);
  if (!Files) {
    llvm::consumeError(Files.takeError());
    return ExitInputError;
  }
  std::string Deps;
  for (const coflat::LoweredFile &F : *Files) {
    std::string Target;
    if (!A.Output.empty())
      Target = A.Output;
    else if (!A.OutDir.empty()) {
      llvm::SmallString<256> P(A.OutDir);
      llvm::sys::path::append(P, llvm::sys::path::filename(F.Source));
      Target = std::string(P);
    }
    if (Target.empty()) {
      llvm::outs() << F.Text;
    } else if (!writeFile(Target, F.Text)) {
      return ExitInputError;
    }
    if (A.MD) {
      Deps += escapeMake(Target) + ":";
      for (const std::string &D : F.Dependencies)
        Deps += " \\\n  " + escapeMake(D);
      Deps += "\n";
    }
  }
  if (A.MD && !writeFile(A.DepFile, Deps))
    return ExitInputError;
  return ExitOk;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<std::string> Args(argv + 1, argv + argc);
  if (Args.empty())
    return usage("no command");
  if (Args[0] == "--version") {
    llvm::outs() << "coflat 0.1.0 (Clang " << CLANG_VERSION_MAJOR_STRING << ")\n";
    return ExitOk;
  }
  if (Args[0] == "--help" || Args[0] == "-h") {
    llvm::outs() << Usage;
    return ExitOk;
  }
  if (Args[0] != "lower" && Args[0] != "states")
    return usage("unknown command '" + Args[0] + "'");
  const bool States = Args[0] == "states";
  std::string Format = "text", Function;

  LowerArgs A;
  for (size_t I = 1; I < Args.size(); ++I) {
    const std::string &S = Args[I];
    auto Value = [&](std::string &Out) {
      if (I + 1 >= Args.size())
        return false;
      Out = Args[++I];
      return true;
    };
    if (S == "--") {
      A.HasCompilerArgs = true;
      A.CompilerArgs.assign(Args.begin() + I + 1, Args.end());
      break;
    }
    if (States && llvm::StringRef(S).starts_with("--format=")) {
      Format = S.substr(9);
    } else if (States && llvm::StringRef(S).starts_with("--function=")) {
      Function = S.substr(11);
    } else if (States && (S == "-o" || S == "--out-dir" || S == "--MD" || S == "--MF" ||
                          S == "--no-line-directives")) {
      return usage("'" + S + "' is an option of lower, not states");
    } else if (S == "-o") {
      if (!Value(A.Output))
        return usage("-o needs a file");
    } else if (S == "--out-dir") {
      if (!Value(A.OutDir))
        return usage("--out-dir needs a directory");
    } else if (S == "-p") {
      if (!Value(A.BuildDir))
        return usage("-p needs a build directory");
    } else if (S == "--MF") {
      if (!Value(A.DepFile))
        return usage("--MF needs a file");
    } else if (S == "--MD") {
      A.MD = true;
    } else if (S == "--no-line-directives") {
      A.Opts.Emit.LineDirectives = false;
    } else if (!S.empty() && S[0] == '-') {
      return usage("unknown option '" + S + "'");
    } else {
      A.Sources.push_back(S);
    }
  }
  return States ? runStates(A, Format, Function) : runLower(A);
}
