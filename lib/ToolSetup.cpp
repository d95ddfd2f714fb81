//===- ToolSetup.cpp - Runs a consumer over each source's parse ------------===//
//
// The compile command as Clang tooling finds it, adjusted so that a C++17
// command still parses coroutines and finds the runtime and Clang's own
// headers.
//
//===----------------------------------------------------------------------===//
#include "Lowering.h"

#include "Consumers.h"
#include "StateGraph.h"

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <functional>

using namespace clang;

namespace coflat {

namespace {

/// Runs one ASTConsumer, made by Make, over each translation unit.
class ConsumerActionFactory : public tooling::FrontendActionFactory {
public:
  explicit ConsumerActionFactory(std::function<std::unique_ptr<ASTConsumer>(CompilerInstance &)> Make)
      : Make(std::move(Make)) {}
  std::unique_ptr<FrontendAction> create() override {
    struct Action : ASTFrontendAction {
      const ConsumerActionFactory &F;
      explicit Action(const ConsumerActionFactory &F) : F(F) {}
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI, StringRef) override {
        return F.Make(CI);
      }
    };
    return std::make_unique<Action>(*this);
  }

private:
  std::function<std::unique_ptr<ASTConsumer>(CompilerInstance &)> Make;
};

} // namespace

std::vector<std::string> adjustArguments(const std::vector<std::string> &Args) {
  std::vector<std::string> Out;
  std::string Std = "-std=c++20";
  bool AfterDashDash = false;
  for (const std::string &A : Args) {
    StringRef S(A);
    AfterDashDash |= S == "--";
    if (!AfterDashDash && (S.starts_with("-std=") || S.starts_with("--std="))) {
      StringRef V = S.substr(S.find('=') + 1);
      // Coroutines need C++20: a newer standard is kept, an older one is
      // raised (keeping GNU mode).
      if (V.contains("++2a") || V.contains("++20") || V.contains("++2b") || V.contains("++23") ||
          V.contains("++2c") || V.contains("++26"))
        Std = A;
      else
        Std = V.starts_with("gnu") ? "-std=gnu++20" : "-std=c++20";
      continue;
    }
    Out.push_back(A);
  }
  // Before a "--" that ends the options, if the command has one.
  auto End = std::find(Out.begin(), Out.end(), "--");
  Out.insert(End, {Std, "-fsyntax-only", "-Wno-unused-command-line-argument"});
  return Out;
}

/// The runtime's headers, as a last resort for `#include <coflat/...>`:
/// beside an installed tool (<prefix>/bin/../include), else the source tree
/// the tool was built from.
static std::string runtimeIncludeDir() {
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::SmallString<256> Installed(llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Installed, "include");
  llvm::SmallString<256> Header(Installed);
  llvm::sys::path::append(Header, "coflat", "coflat.h");
  if (!Exe.empty() && llvm::sys::fs::exists(Header))
    return std::string(Installed);
  return COFLAT_RUNTIME_SOURCE_INCLUDE_DIR;
}

/// Path, absolute and without `.` or `..`, to compare directories that may
/// not exist yet.
static std::string normalPath(StringRef Path) {
  llvm::SmallString<256> P(Path);
  llvm::sys::fs::make_absolute(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(llvm::sys::path::remove_leading_dotslash(P));
}

std::vector<std::string> withoutIncludeDir(const std::vector<std::string> &Args, StringRef Dir) {
  std::string Drop = normalPath(Dir);
  std::vector<std::string> Out;
  for (size_t I = 0; I < Args.size(); ++I) {
    StringRef A = Args[I];
    if (A == "--") {
      Out.insert(Out.end(), Args.begin() + I, Args.end());
      break;
    }
    bool Dropped = false;
    for (StringRef Flag : {"-I", "-iquote", "-isystem", "-idirafter"}) {
      if (A == Flag && I + 1 < Args.size() && normalPath(Args[I + 1]) == Drop) {
        ++I;
        Dropped = true;
      } else if (A.size() > Flag.size() && A.starts_with(Flag) && normalPath(A.drop_front(Flag.size())) == Drop) {
        Dropped = true;
      }
      if (Dropped)
        break;
    }
    if (!Dropped)
      Out.push_back(Args[I]);
  }
  return Out;
}

static void addAdjusters(tooling::ClangTool &Tool, std::vector<std::string> OutputDirs = {}) {
  Tool.appendArgumentsAdjuster([](const tooling::CommandLineArguments &Args, StringRef) {
    return adjustArguments(Args);
  });
  // The build searches the include tree first; the parse must read the
  // originals, not an earlier run's lowered copies.
  for (std::string &Dir : OutputDirs)
    if (!Dir.empty())
      Tool.appendArgumentsAdjuster(
          [Dir = std::move(Dir)](const tooling::CommandLineArguments &Args, StringRef) {
            return withoutIncludeDir(Args, Dir);
          });
  // After every directory the command names, so a project's own copy of the
  // runtime wins; not at all when the command names this directory already
  // (Clang would keep only the later, lower-priority entry).
  Tool.appendArgumentsAdjuster([](const tooling::CommandLineArguments &Args, StringRef) {
    std::string Dir = runtimeIncludeDir();
    llvm::SmallString<256> Real;
    if (llvm::sys::fs::real_path(Dir, Real))
      return Args;
    for (size_t I = 0; I < Args.size(); ++I) {
      StringRef A = Args[I];
      StringRef Path;
      if (A == "-I" || A == "-isystem" || A == "-idirafter")
        Path = I + 1 < Args.size() ? StringRef(Args[I + 1]) : StringRef();
      else if (A.starts_with("-I"))
        Path = A.drop_front(2);
      llvm::SmallString<256> Other;
      if (!Path.empty() && !llvm::sys::fs::real_path(Path, Other) && Other == Real)
        return Args;
    }
    tooling::CommandLineArguments Out = Args;
    auto End = std::find(Out.begin(), Out.end(), "--");
    Out.insert(End, {"-idirafter", std::string(Real)});
    return Out;
  });
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      ("-resource-dir=" + llvm::StringRef(COFLAT_CLANG_RESOURCE_DIR)).str().c_str(),
      tooling::ArgumentInsertPosition::BEGIN));
  Tool.setPrintErrorMessage(false);
}

llvm::Expected<std::vector<StateGraph>> inspectFile(const tooling::CompilationDatabase &DB,
                                                    const std::string &Source,
                                                    llvm::StringRef Function, bool Instantiations) {
  std::vector<StateGraph> Graphs;
  bool Ok = false;
  tooling::ClangTool Tool(DB, {Source});
  addAdjusters(Tool);
  ConsumerActionFactory Factory(
      [&](CompilerInstance &) { return makeInspectConsumer(Function, Instantiations, Graphs, Ok); });
  if (Tool.run(&Factory) != 0 || !Ok)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "errors in the input");
  return Graphs;
}

llvm::Expected<std::vector<LoweredFile>>
lowerFiles(const tooling::CompilationDatabase &DB, const std::vector<std::string> &Sources,
           const LowerOptions &Opts) {
  std::vector<LoweredFile> Results;
  bool Failed = false;
  for (const std::string &Source : Sources) {
    LoweredFile File;
    File.Source = Source;
    tooling::ClangTool Tool(DB, {Source});
    addAdjusters(Tool, {Opts.SourceDir, Opts.IncludeDir});
    ConsumerActionFactory Factory(
        [&](CompilerInstance &CI) { return makeLowerConsumer(Opts, File, CI.getPreprocessor()); });
    int RC = Tool.run(&Factory);
    if (RC != 0 || !File.Ok) {
      Failed = true;
      continue;
    }
    Results.push_back(std::move(File));
  }
  if (Failed)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "errors in the input");
  return Results;
}

} // namespace coflat
