//===- Consumers.cpp - What runs on each parsed translation unit -----------===//
#include "Consumers.h"

#include "CoroutineAnalysis.h"
#include "CoroutineFinder.h"
#include "Diagnostics.h"
#include "FramePrinter.h"
#include "LoweredOutput.h"
#include "StateGraph.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/StringSet.h"

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

/// Calls Each with the plan of every coroutine that Wanted selects and the
/// analysis accepts, in source order; `lower` and `states` see the same
/// coroutines, frame names and refusals.
template <class Filter, class Fn> void forEachPlan(ASTContext &Ctx, Filter Wanted, Fn Each) {
  llvm::StringSet<> Used;
  for (const FunctionDecl *FD : findCoroutines(Ctx)) {
    std::string Frame = frameName(FD, Used);
    if (!Wanted(FD))
      continue;
    auto Kind = coroutineKindOf(FD->getReturnType());
    if (!Kind) {
      report(Ctx.getDiagnostics(), FD->getLocation(), Diag::CoroutineTemplate);
      continue;
    }
    if (std::optional<Coroutine> C = analyzeCoroutine(FD, *Kind, Frame, Ctx))
      Each(*C);
  }
}

class InspectConsumer : public ASTConsumer {
public:
  InspectConsumer(StringRef Function, std::vector<StateGraph> &Out, bool &Ok)
      : Function(Function), Out(Out), Ok(Ok) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    auto Named = [&](const FunctionDecl *FD) {
      return Function.empty() || FD->getNameAsString() == Function ||
             FD->getQualifiedNameAsString() == Function;
    };
    forEachPlan(Ctx, Named, [&](const Coroutine &C) { Out.push_back(buildStateGraph(C, Ctx)); });
    Ok = !Ctx.getDiagnostics().hasErrorOccurred();
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
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    SourceRewriter Src(Ctx, Opts.Emit);
    std::vector<Edit> Edits;
    auto All = [](const FunctionDecl *) { return true; };
    forEachPlan(Ctx, All, [&](const Coroutine &C) {
      Edits.push_back({definitionRange(C.F, Ctx.getSourceManager()), printCoroutine(C, Src)});
    });
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    writeLoweredFile(Ctx.getSourceManager(), Edits, Out);
  }

private:
  const LowerOptions &Opts;
  LoweredFile &Out;
};

} // namespace

std::unique_ptr<ASTConsumer> makeLowerConsumer(const LowerOptions &Opts, LoweredFile &Out) {
  return std::make_unique<LowerConsumer>(Opts, Out);
}

std::unique_ptr<ASTConsumer> makeInspectConsumer(StringRef Function, std::vector<StateGraph> &Out,
                                                 bool &Ok) {
  return std::make_unique<InspectConsumer>(Function, Out, Ok);
}

} // namespace coflat
