//===- coflat.cpp - The command-line driver --------------------------------===//
//
// Option parsing only; the work is in lib/.
//
//===----------------------------------------------------------------------===//
#include "Lowering.h"

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

  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  std::string Err;
  if (A.HasCompilerArgs) {
    DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(".", A.CompilerArgs);
  } else if (A.BuildDir.empty()) {
    // Clang tooling's convention: a compile_commands.json in a parent
    // directory of the source, else no flags.
    DB = clang::tooling::CompilationDatabase::autoDetectFromSource(A.Sources.front(), Err);
    if (!DB)
      DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(".", A.CompilerArgs);
  } else {
    DB = clang::tooling::CompilationDatabase::loadFromDirectory(A.BuildDir, Err);
    if (!DB)
      return usage("cannot load compile_commands.json from '" + A.BuildDir + "': " + Err);
  }
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
  if (Args[0] != "lower")
    return usage("unknown command '" + Args[0] + "'");

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
    if (S == "-o") {
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
      A.Opts.LineDirectives = false;
    } else if (!S.empty() && S[0] == '-') {
      return usage("unknown option '" + S + "'");
    } else {
      A.Sources.push_back(S);
    }
  }
  return runLower(A);
}
