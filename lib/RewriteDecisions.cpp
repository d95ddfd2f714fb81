//===- RewriteDecisions.cpp - Which nodes of the body the lowering rewrites -===//
//
// Everything in the body is printed as the user's text except the nodes
// below: suspending full-expressions, hoisted declarations, frame objects
// renamed or held by pointer, guarded scopes, co_return, ...  The printers
// print each of them by its lowering; the analysis refuses those written in
// a macro's body, whose text cannot be rewritten.  Both ask these functions,
// which read only the model.
//
//===----------------------------------------------------------------------===//
#include "CoroutineModel.h"

using namespace clang;

namespace coflat {

int Coroutine::regionOf(const Stmt *S) const {
  auto It = RegionOf.find(S);
  return It == RegionOf.end() ? -1 : int(It->second);
}

bool Coroutine::isImplicitThisMember(const Expr *E) const {
  const auto *ME = dyn_cast<MemberExpr>(E);
  if (!ME || SelfType.empty())
    return false;
  const auto *This = dyn_cast<CXXThisExpr>(ME->getBase()->IgnoreImpCasts());
  return This && This->isImplicit();
}

bool Coroutine::namesPack(const Stmt *S) const {
  if (!Pack)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    return DRE->getDecl() == Pack;
  if (const auto *Size = dyn_cast<SizeOfPackExpr>(S))
    return Size->getPack() == Pack;
  return false;
}

bool Coroutine::rewritesExpression(const Stmt *S) const {
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (Replacements.count(E) || namesPack(E))
      return true;
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return FrameCaptures.count(L);
    if (const auto *This = dyn_cast<CXXThisExpr>(E); This && !SelfType.empty())
      return !This->isImplicit();
    if (isImplicitThisMember(E))
      return true;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl()))
        return Hoisted.count(cast<VarDecl>(B->getDecomposedDecl()));
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = Hoisted.find(V);
        if (It != Hoisted.end()) {
          const FrameObject &O = Objects[It->second];
          return O.ViaPointer || O.Closure || O.Name != V->getName();
        }
      }
    }
  }
  return false;
}

bool Coroutine::rewritesStatement(const Stmt *S) const {
  if (rewritesExpression(S))
    return true;
  if (const auto *E = dyn_cast<Expr>(S))
    return Splits.count(E);
  if (isa<CoreturnStmt>(S))
    return true;
  if (const auto *Cont = dyn_cast<ContinueStmt>(S)) {
    auto It = ContinueTarget.find(Cont);
    return It != ContinueTarget.end() && ContinueLabel.count(It->second);
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D); V && Hoisted.count(V))
        return true;
    return false;
  }
  if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
    int R = regionOf(CS);
    return R >= 0 && (Regions[R].guarded() || Regions[R].isBarrier() || Regions[R].BarrierBody);
  }
  if (const auto *F = dyn_cast<ForStmt>(S))
    return ContinueLabel.count(F) || (F->getInit() && rewritesStatement(F->getInit())) ||
           (regionOf(F) >= 0 && Regions[regionOf(F)].guarded());
  if (const auto *RF = dyn_cast<CXXForRangeStmt>(S))
    return regionOf(RF) >= 0;
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return Splits.count(W->getCond()) || regionOf(W) >= 0;
  if (const auto *D = dyn_cast<DoStmt>(S))
    return Splits.count(D->getCond());
  if (const auto *If = dyn_cast<IfStmt>(S))
    return (If->getCond() && Splits.count(If->getCond())) || regionOf(If) >= 0;
  if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
    int R = regionOf(Sw->getBody());
    return regionOf(Sw) >= 0 || (R >= 0 && (Regions[R].guarded() || Regions[R].isBarrier()));
  }
  if (const auto *T = dyn_cast<CXXTryStmt>(S))
    return regionOf(T) >= 0;
  return false;
}

} // namespace coflat
