//===- Consumers.cpp - What runs on each parsed translation unit -----------===//
#include "Consumers.h"

#include "CoroutineAnalysis.h"
#include "CoroutineFinder.h"
#include "Diagnostics.h"
#include "FramePrinter.h"
#include "IncludeTree.h"
#include "InstantiatedPlan.h"
#include "LoweredOutput.h"
#include "StateGraph.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/xxhash.h"

#include <map>

using namespace clang;

namespace coflat {
namespace {

/// Names the frame of each coroutine: `<function>_frame`, numbered when a
/// name repeats in its file (overloads).  A header's free coroutine adds a
/// hash of its signature: every source that includes the header names the
/// frame alike, and overloads in other headers (which this parse may not
/// see) name theirs otherwise, so no two frames share a name across the
/// program.
std::string frameName(const FunctionDecl *FD, bool InHeader, llvm::StringSet<> &Used) {
  std::string Base = FD->getName().str() + "_frame";
  if (InHeader && !isa<CXXMethodDecl>(FD)) {
    std::string Signature = FD->getQualifiedNameAsString() + " " + FD->getType().getAsString();
    Base += "_" + llvm::utohexstr(uint32_t(llvm::xxh3_64bits(Signature)), /*LowerCase=*/true);
  }
  std::string Name = Base;
  for (unsigned N = 2; Used.contains(Name); ++N)
    Name = Base + std::to_string(N);
  Used.insert(Name);
  return Name;
}

/// Calls Each with the plan of every coroutine that Wanted selects and the
/// analysis accepts, in source order; `lower` and `states` see the same
/// coroutines, frame names and refusals.
template <class Filter, class Fn> void forEachPlan(ASTContext &Ctx, Filter Wanted, Fn Each) {
  SourceManager &SM = Ctx.getSourceManager();
  std::map<FileID, llvm::StringSet<>> Used; // frame names, per file
  for (const FunctionDecl *FD : findCoroutines(Ctx)) {
    FileID File = definitionFile(FD, SM);
    std::string Frame = frameName(FD, File != SM.getMainFileID(), Used[File]);
    if (!Wanted(FD))
      continue;
    CoroutineKind Kind = *coroutineKindOf(FD->getReturnType()); // what the finder looked for
    if (std::optional<Coroutine> C = analyzeCoroutine(FD, Kind, Frame, Ctx))
      Each(*C);
  }
}

class InspectConsumer : public ASTConsumer {
public:
  InspectConsumer(StringRef Function, bool Instantiations, std::vector<StateGraph> &Out, bool &Ok)
      : Function(Function), Instantiations(Instantiations), Out(Out), Ok(Ok) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    auto Named = [&](const FunctionDecl *FD) {
      return Function.empty() || FD->getNameAsString() == Function ||
             FD->getQualifiedNameAsString() == Function;
    };
    forEachPlan(Ctx, Named, [&](const Coroutine &C) {
      Out.push_back(buildStateGraph(C, Ctx));
      // A template's machine once; on request, the frame each
      // instantiation of this translation unit gives it.
      if (Instantiations && C.Dependent)
        for (const FunctionDecl *Inst : instantiationsOf(C.F))
          if (std::optional<Coroutine> I = instantiatedPlan(C, Inst, Ctx))
            Out.push_back(buildStateGraph(*I, Ctx));
    });
    Ok = !Ctx.getDiagnostics().hasErrorOccurred();
  }

private:
  StringRef Function;
  bool Instantiations;
  std::vector<StateGraph> &Out;
  bool &Ok;
};

class LowerConsumer : public ASTConsumer {
public:
  LowerConsumer(const LowerOptions &Opts, LoweredFile &Out, Preprocessor &PP) : Opts(Opts), Out(Out) {
    Tree.record(PP);
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    SourceManager &SM = Ctx.getSourceManager();
    std::map<FileID, std::vector<Edit>> Edits;
    auto All = [](const FunctionDecl *) { return true; };
    forEachPlan(Ctx, All, [&](const Coroutine &C) {
      FileID File = definitionFile(C.F, SM);
      SourceRewriter Src(Ctx, File, Opts.Emit);
      Edits[File].push_back({definitionRange(C.F, SM), printCoroutine(C, Src)});
    });
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    writeLoweredFiles(SM, Edits, Tree, Out);
  }

private:
  const LowerOptions &Opts;
  LoweredFile &Out;
  IncludeTree Tree;
};

} // namespace

std::unique_ptr<ASTConsumer> makeLowerConsumer(const LowerOptions &Opts, LoweredFile &Out,
                                               Preprocessor &PP) {
  return std::make_unique<LowerConsumer>(Opts, Out, PP);
}

std::unique_ptr<ASTConsumer> makeInspectConsumer(StringRef Function, bool Instantiations,
                                                 std::vector<StateGraph> &Out, bool &Ok) {
  return std::make_unique<InspectConsumer>(Function, Instantiations, Out, Ok);
}

} // namespace coflat
