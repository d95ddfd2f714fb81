//===- InstantiatedPlan.cpp - A template's plan, for one instantiation ----===//
#include "InstantiatedPlan.h"

#include "FrameLayout.h"
#include "FrameTypes.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace coflat {
namespace {

/// The instantiated body's nodes by where they are written: an
/// instantiation's nodes stand where the template's do.
struct InstantiatedNodes : RecursiveASTVisitor<InstantiatedNodes> {
  llvm::DenseMap<unsigned, const Expr *> Suspensions;
  llvm::DenseMap<unsigned, const VarDecl *> Vars;
  llvm::DenseMap<unsigned, const CXXForRangeStmt *> RangeFors;

  bool VisitExpr(Expr *E) {
    if (isSuspension(E))
      Suspensions.try_emplace(E->getBeginLoc().getRawEncoding(), E);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    Vars.try_emplace(V->getLocation().getRawEncoding(), V);
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *RF) {
    RangeFors.try_emplace(RF->getBeginLoc().getRawEncoding(), RF);
    return true;
  }
};

/// What a held_operand<decltype((e))> holds for the instantiated operand E
/// (as passed to yield_value / await_transform): the materialised prvalue,
/// else the glvalue's address.
std::pair<QualType, std::string> heldType(const Expr *E, ASTContext &Ctx) {
  const Expr *Bare = E->IgnoreImpCasts();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Bare)) {
    QualType T = MTE->getType().getNonReferenceType();
    return {T, "coflat::detail::held_operand<" + frameTypeName(T, Ctx) + ">"};
  }
  QualType T = E->getType().getNonReferenceType();
  return {Ctx.getPointerType(T), "coflat::detail::held_operand<" + frameTypeName(T, Ctx) + (E->isXValue() ? "&&>" : "&>")};
}

} // namespace

std::optional<Coroutine> instantiatedPlan(const Coroutine &Template, const FunctionDecl *Inst, ASTContext &Ctx) {
  Coroutine C = Template;
  C.F = Inst;
  C.Dependent = false;
  InstantiatedNodes Nodes;
  Nodes.TraverseStmt(const_cast<Stmt *>(Inst->getBody()));
  auto Set = [&](unsigned O, QualType T, std::string Name = "") {
    FrameObject &Obj = C.Objects[O];
    Obj.Type = T;
    Obj.TypeName = Name.empty() ? frameTypeName(T, Ctx) : Name;
    Obj.FromExpression = false;
  };
  for (unsigned I = 0; I < C.Objects.size(); ++I) {
    FrameObject &O = C.Objects[I];
    if (O.K == FrameObject::Kind::Parameter) {
      Set(I, Inst->getParamDecl(cast<ParmVarDecl>(O.Var)->getFunctionScopeIndex())->getType());
    } else if (O.K == FrameObject::Kind::Local) {
      const VarDecl *V = Nodes.Vars.lookup(O.Var->getLocation().getRawEncoding());
      if (!V)
        return std::nullopt;
      QualType T = V->getType();
      Set(I, O.ViaPointer ? Ctx.getPointerType(T.getNonReferenceType()) : T);
    } else if (O.ViaPointer && O.FromExpression) {
      Set(I, Ctx.VoidPtrTy, "(a pointer)"); // a named glvalue spilled by address
    }
  }
  for (const auto &[RF, Plan] : Template.RangeFors) {
    const CXXForRangeStmt *IRF = Nodes.RangeFors.lookup(RF->getBeginLoc().getRawEncoding());
    if (!IRF || !IRF->getBeginStmt())
      return std::nullopt;
    const auto *Range = cast<VarDecl>(IRF->getRangeStmt()->getSingleDecl());
    if (Plan.How == RangeForPlan::Bounds::Generic) {
      auto [T, Name] = heldType(Range->getInit(), Ctx);
      Set(Plan.Range, T, Name);
    }
    Set(Plan.Begin, cast<VarDecl>(IRF->getBeginStmt()->getSingleDecl())->getType());
    Set(Plan.End, cast<VarDecl>(IRF->getEndStmt()->getSingleDecl())->getType());
  }
  for (const SuspendPoint &P : Template.Points) {
    const auto *S = dyn_cast_or_null<CoroutineSuspendExpr>(Nodes.Suspensions.lookup(P.E->getBeginLoc().getRawEncoding()));
    if (!S || !S->getOpaqueValue())
      return std::nullopt;
    Set(P.Awaiter, S->getOpaqueValue()->getType().getUnqualifiedType());
    auto Held = Template.Replacements.find(operandOf(P.E));
    if (Held != Template.Replacements.end() && Held->second.K == Replacement::Kind::HoldInFrame) {
      auto [T, Name] = heldType(operandOf(S), Ctx);
      Set(Held->second.Index, T, Name);
    }
    C.Points[P.Id - 1].Dependent = false;
    C.Points[P.Id - 1].E = S;
  }
  for (const FrameObject &O : C.Objects)
    if (O.FromExpression || O.Type->isDependentType())
      return std::nullopt;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  Inst->getNameForDiagnostic(OS, Ctx.getPrintingPolicy(), /*Qualified=*/false);
  if (size_t Args = Name.find('<'); Args != std::string::npos && Inst->getPrimaryTemplate())
    C.FrameName += Name.substr(Args);
  C.Layout = layoutFrame(C, Ctx);
  return C;
}

} // namespace coflat
