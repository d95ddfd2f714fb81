//===- Lowering.cpp - Runs the pipeline over source files ------------------===//
#include "Lowering.h"

#include "Diagnostics.h"

#include "CoroutineAnalysis.h"
#include "CoroutineFinder.h"
#include "Emitter.h"
#include "StateGraph.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <functional>
#include <map>

using namespace clang;

namespace coflat {

namespace {

/// Names the frame of each coroutine: `<function>_frame`, numbered when a
/// name repeats (overloads, or a clash with another name in the file).
std::string frameName(const FunctionDecl *FD, llvm::StringSet<> &Used) {
  std::string Base = FD->getName().str() + "_frame";
  std::string Name = Base;
  for (unsigned N = 2; Used.contains(Name); ++N)
    Name = Base + std::to_string(N);
  Used.insert(Name);
  return Name;
}

/// `coflat states`: the state graph of each coroutine (or of the one named).
class InspectConsumer : public ASTConsumer {
public:
  InspectConsumer(StringRef Function, std::vector<StateGraph> &Out, bool &Ok)
      : Function(Function), Out(Out), Ok(Ok) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    if (Diags.hasErrorOccurred())
      return;
    llvm::StringSet<> Used;
    for (const FunctionDecl *FD : findCoroutines(Ctx)) {
      auto Kind = coroutineKindOf(FD->getReturnType());
      std::string Frame = frameName(FD, Used);
      if (!Function.empty() && FD->getNameAsString() != Function &&
          FD->getQualifiedNameAsString() != Function)
        continue;
      if (!Kind) {
        report(Diags, FD->getLocation(), Diag::CoroutineTemplate);
        continue;
      }
      if (std::optional<Coroutine> C = analyzeCoroutine(FD, *Kind, Frame, Ctx))
        Out.push_back(buildStateGraph(*C, Ctx));
    }
    Ok = !Diags.hasErrorOccurred();
  }

private:
  StringRef Function;
  std::vector<StateGraph> &Out;
  bool &Ok;
};

class LowerConsumer : public ASTConsumer {
public:
  LowerConsumer(const LowerOptions &Opts, LoweredFile &Out) : Opts(Opts), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &Diags = Ctx.getDiagnostics();
    if (Diags.hasErrorOccurred())
      return;
    SourceManager &SM = Ctx.getSourceManager();
    StringRef Buffer = SM.getBufferData(SM.getMainFileID());
    llvm::StringSet<> Used;
    EmitOptions EO;
    EO.LineDirectives = Opts.LineDirectives;
    std::vector<std::pair<std::pair<unsigned, unsigned>, std::string>> Edits;
    for (const FunctionDecl *FD : findCoroutines(Ctx)) {
      auto Kind = coroutineKindOf(FD->getReturnType());
      if (!Kind) {
        report(Diags, FD->getLocation(), Diag::CoroutineTemplate);
        continue;
      }
      std::optional<Coroutine> C = analyzeCoroutine(FD, *Kind, frameName(FD, Used), Ctx);
      if (!C)
        continue;
      Edits.push_back({definitionRange(FD, SM), emitCoroutine(*C, Ctx, EO)});
    }
    if (Diags.hasErrorOccurred())
      return;
    std::sort(Edits.begin(), Edits.end());
    std::string Result;
    unsigned Pos = 0;
    for (auto &[Range, Text] : Edits) {
      Result += Buffer.substr(Pos, Range.first - Pos);
      Result += Text;
      Pos = Range.second;
    }
    Result += Buffer.substr(Pos);
    Out.Text = std::move(Result);
    Out.Changed = !Edits.empty();
    // Absolute, canonical paths: a compile command may run elsewhere.
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
      Out.Dependencies.push_back(SM.getFileManager().getCanonicalName(It->first).str());
    std::sort(Out.Dependencies.begin(), Out.Dependencies.end());
    Out.Dependencies.erase(std::unique(Out.Dependencies.begin(), Out.Dependencies.end()),
                           Out.Dependencies.end());
    Out.Ok = true;
  }

private:
  const LowerOptions &Opts;
  LoweredFile &Out;
};

/// Runs one ASTConsumer, made by Make, over each translation unit.
class ConsumerActionFactory : public tooling::FrontendActionFactory {
public:
  explicit ConsumerActionFactory(std::function<std::unique_ptr<ASTConsumer>()> Make)
      : Make(std::move(Make)) {}
  std::unique_ptr<FrontendAction> create() override {
    struct Action : ASTFrontendAction {
      const ConsumerActionFactory &F;
      explicit Action(const ConsumerActionFactory &F) : F(F) {}
      std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override {
        return F.Make();
      }
    };
    return std::make_unique<Action>(*this);
  }

private:
  std::function<std::unique_ptr<ASTConsumer>()> Make;
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

static void addAdjusters(tooling::ClangTool &Tool) {
  Tool.appendArgumentsAdjuster([](const tooling::CommandLineArguments &Args, StringRef) {
    return adjustArguments(Args);
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
                                                    llvm::StringRef Function) {
  std::vector<StateGraph> Graphs;
  bool Ok = false;
  tooling::ClangTool Tool(DB, {Source});
  addAdjusters(Tool);
  ConsumerActionFactory Factory(
      [&] { return std::make_unique<InspectConsumer>(Function, Graphs, Ok); });
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
    addAdjusters(Tool);
    ConsumerActionFactory Factory([&] { return std::make_unique<LowerConsumer>(Opts, File); });
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
