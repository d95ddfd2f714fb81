//===- ExpressionSpiller.cpp - Splitting a suspending full-expression ------===//
//
// A full-expression that suspends is evaluated in C++17 order as steps:
// what is computed before a suspension is spilled to the frame (a value, or
// the address of a glvalue), its temporaries are constructed in the frame,
// && / || / ?: become an `if` around the branch that suspends, and each
// suspension point becomes a Suspend step whose value is its awaiter's
// await_resume().
//
//===----------------------------------------------------------------------===//
#include "Analyzer.h"
#include "FrameTypes.h"

using namespace clang;

namespace coflat {

bool Analyzer::keepsItsValue(const Expr *E) const {
  // Evaluating these again after the suspension gives the same object or
  // value, so they need no spill.
  const Expr *P = E->IgnoreParens();
  if (const auto *ICE = dyn_cast<ImplicitCastExpr>(P))
    if (ICE->getCastKind() == CK_FunctionToPointerDecay ||
        ICE->getCastKind() == CK_ArrayToPointerDecay || ICE->getCastKind() == CK_NoOp)
      P = ICE->getSubExpr()->IgnoreParens();
  if (isa<DeclRefExpr>(P) && E->isGLValue())
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(P))
    if (isa<FunctionDecl>(DRE->getDecl()) || isa<EnumConstantDecl>(DRE->getDecl()))
      return true;
  if (isa<StringLiteral>(P) || isa<CXXThisExpr>(P))
    return true;
  // In a template: the name of a function (or of its overloads).
  if (isa<UnresolvedLookupExpr>(P))
    return true;
  if (!E->isValueDependent() && E->isPRValue() && !E->getType()->isRecordType() &&
      !E->HasSideEffects(Ctx) && E->isEvaluatable(Ctx))
    return true;
  return false;
}

llvm::SmallVector<const Expr *, 4> Analyzer::evaluationOrder(const Expr *E) {
  llvm::SmallVector<const Expr *, 4> Order;
  auto Add = [&](const Expr *X) {
    if (X)
      Order.push_back(X);
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    // C++17 [expr.ass]: the right operand is sequenced before the left.
    if (BO->isAssignmentOp()) {
      Add(BO->getRHS());
      Add(BO->getLHS());
    } else {
      Add(BO->getLHS());
      Add(BO->getRHS());
    }
    return Order;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    bool RightFirst = Op->isAssignmentOp();
    if (RightFirst && Op->getNumArgs() == 2) {
      Add(Op->getArg(1));
      Add(Op->getArg(0));
    } else {
      for (const Expr *A : Op->arguments())
        Add(A);
    }
    return Order;
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const Expr *Callee = Call->getCallee()->IgnoreImplicit();
    if (const auto *ME = dyn_cast<MemberExpr>(Callee))
      Add(ME->getBase());
    else if (const auto *DME = dyn_cast<CXXDependentScopeMemberExpr>(Callee)) // in a template
      Add(DME->isImplicitAccess() ? nullptr : DME->getBase());
    else if (const auto *UME = dyn_cast<UnresolvedMemberExpr>(Callee))
      Add(UME->isImplicitAccess() ? nullptr : UME->getBase());
    else
      Add(Call->getCallee());
    for (const Expr *A : Call->arguments())
      if (!isa<CXXDefaultArgExpr>(A))
        Add(A);
    return Order;
  }
  for (const Stmt *Child : E->children())
    if (const auto *X = dyn_cast_or_null<Expr>(Child))
      if (!isa<CXXDefaultArgExpr>(X) && !isa<CXXDefaultInitExpr>(X))
        Add(X);
  return Order;
}

int Analyzer::spillObject(const Expr *E, unsigned F) {
  QualType T = E->getType();
  if (T->isVoidType())
    return -1;
  if (E->isTypeDependent()) {
    // A named object keeps its address, whatever its type turns out to be.
    // Any other value is held as an operand is (a glvalue by address, a
    // prvalue in the frame); a prvalue of class type would be moved where
    // it is used, which each instantiation refuses (ExprStep::CheckSpill).
    const Expr *Named = E->IgnoreParens();
    bool ByAddress = E->isGLValue() && (isa<DeclRefExpr>(Named) || isa<MemberExpr>(Named));
    unsigned O = addObjectOfExpression(FrameObject::Kind::Spill, uniqueName("coflat_spill" + std::to_string(++Counter)),
                                       ByAddress ? "std::add_pointer_t<$D>" : "coflat::detail::held_operand<$D>", E,
                                       "", F, E->getBeginLoc());
    C.Objects[O].ViaPointer = ByAddress;
    C.Objects[O].Held = !ByAddress;
    C.Objects[O].Origin = E;
    return O;
  }
  std::string Name = uniqueName("coflat_spill" + std::to_string(++Counter));
  if (E->isGLValue()) {
    if (E->refersToBitField()) {
      error(E->getBeginLoc(), Diag::BitFieldSpill);
      return -1;
    }
    unsigned O = addObject(FrameObject::Kind::Spill, Name, Ctx.getPointerType(T), F,
                           E->getBeginLoc());
    C.Objects[O].ViaPointer = true;
    C.Objects[O].IsXValue = E->isXValue();
    C.Objects[O].Origin = E;
    return O;
  }
  if (T->isRecordType()) {
    error(E->getBeginLoc(), Diag::ClassValueSpill, {T.getAsString()});
    return -1;
  }
  unsigned O = addObject(FrameObject::Kind::Spill, Name, T.getUnqualifiedType(), F,
                         E->getBeginLoc());
  C.Objects[O].Origin = E;
  return O;
}

void Analyzer::hoistTemporaries(const Expr *E, unsigned F, bool OwnBind) {
  // Everything here is evaluated before a suspension of the same
  // full-expression: its temporaries must outlive the suspension.
  if (!E)
    return;
  if (C.Replacements.count(E))
    return; // already lowered (a spilled value or a resumed suspension)
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
    // The closure of a lambda that captures nothing, called in place: no
    // state, so nothing after the suspension can refer to it, and its
    // (trivial) lifetime may end early.  Its body is another function.
    if (const auto *L = dyn_cast<LambdaExpr>(MTE->getSubExpr()->IgnoreImplicit()); L && L->capture_size() == 0)
      return;
    // Inner temporaries are constructed first: number them first, so that
    // the unwind order (reverse numbering) is the reverse of construction.
    if (buildsInitializerList(MTE->getSubExpr())) {
      error(MTE->getBeginLoc(), Diag::InitializerListTemporary);
      return;
    }
    hoistTemporaries(MTE->getSubExpr(), F, /*OwnBind=*/true);
    QualType T = MTE->getType().getNonReferenceType().getUnqualifiedType();
    unsigned O = addObject(FrameObject::Kind::Temporary,
                           uniqueName("coflat_tmp" + std::to_string(++Counter)), T, F,
                           MTE->getBeginLoc());
    C.Objects[O].Origin = MTE;
    C.Replacements[MTE] = {Replacement::Kind::MaterializeInFrame, O};
    return;
  }
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E); Bind && OwnBind) {
    // The materialised temporary itself (an aggregate's members with it).
    hoistTemporaries(Bind->getSubExpr(), F, isa<InitListExpr>(Bind->getSubExpr()));
    return;
  }
  // Casts between the materialisation and its temporary.
  if (OwnBind && (isa<ParenExpr>(E) || isa<CXXFunctionalCastExpr>(E) || isa<ImplicitCastExpr>(E) ||
                  isa<CXXStaticCastExpr>(E))) {
    for (const Stmt *Child : E->children())
      if (const auto *X = dyn_cast_or_null<Expr>(Child))
        hoistTemporaries(X, F, true);
    return;
  }
  // The members of an aggregate materialised in the frame are initialised
  // in place: a class-type member initialiser is no temporary of its own.
  if (const auto *IL = dyn_cast<InitListExpr>(E); IL && OwnBind) {
    for (const Expr *Init : IL->inits())
      hoistTemporaries(Init, F, /*OwnBind=*/true);
    return;
  }
  if (isa<CXXDefaultArgExpr>(E) || isa<CXXDefaultInitExpr>(E))
    return; // no source text to rewrite
  // The array behind a braced std::initializer_list: only its elements
  // (what the list is built from) can hold temporaries worth keeping.
  if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(E)) {
    const Expr *Array = IL->getSubExpr()->IgnoreImplicit();
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Array))
      Array = MTE->getSubExpr();
    hoistTemporaries(Array, F);
    return;
  }
  // A by-value argument's temporary dies at the end of the full-expression,
  // before the suspension instead of after it.  For the standard library's
  // types that is unobservable (their destructors only release memory).
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E); Bind && unobservableDestructor(Bind->getType())) {
    hoistTemporaries(Bind->getSubExpr(), F);
    return;
  }
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E)) {
    error(Bind->getBeginLoc(), Diag::ShortLivedTemporary, {Bind->getType().getAsString()});
    return;
  }
  if (isa<LambdaExpr>(E))
    return;
  for (const Stmt *Child : E->children())
    if (const auto *X = dyn_cast_or_null<Expr>(Child))
      hoistTemporaries(X, F);
}

void Analyzer::checkHeldSpill(int Object, const Expr *E, std::vector<ExprStep> &Steps) {
  if (Object < 0 || !C.Objects[Object].Held)
    return;
  ExprStep Check;
  Check.K = ExprStep::Kind::CheckSpill;
  Check.E = E;
  Steps.push_back(Check);
}

void Analyzer::spillBefore(const Expr *E, unsigned F, std::vector<ExprStep> &Steps) {
  if (suspends(E))
    split(E, F, Steps);
  hoistTemporaries(E, F);
  if (keepsItsValue(E))
    return;
  ExprStep Step;
  Step.K = ExprStep::Kind::Eval;
  Step.E = E;
  Step.Object = spillObject(E, F);
  checkHeldSpill(Step.Object, E, Steps);
  auto Inner = C.Replacements.find(E);
  if (Inner != C.Replacements.end())
    Step.Inner = Inner->second;
  Steps.push_back(Step);
  if (Step.Object >= 0)
    C.Replacements[E] = {Replacement::Kind::Object, unsigned(Step.Object)};
}

// Whether every function an unresolved call may name takes its argument I
// by reference (so no parameter object is made for it).  The candidates are
// those found where the template is defined; argument-dependent lookup at
// instantiation may add others (docs/semantics.md).
static bool byReferenceOnly(const Expr *Call, unsigned I) {
  const auto *CE = dyn_cast<CallExpr>(Call);
  const auto *Lookup = CE ? dyn_cast<UnresolvedLookupExpr>(CE->getCallee()->IgnoreParenImpCasts()) : nullptr;
  if (!Lookup || Lookup->getNumDecls() == 0)
    return false;
  for (const NamedDecl *D : Lookup->decls()) {
    const auto *FD = dyn_cast<FunctionDecl>(D->getUnderlyingDecl());
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D->getUnderlyingDecl()))
      FD = FT->getTemplatedDecl();
    if (!FD || I >= FD->getNumParams() || !FD->getParamDecl(I)->getType()->isReferenceType())
      return false;
  }
  return true;
}

void Analyzer::checkDependentTemporaries(const Expr *E, std::vector<ExprStep> &Steps) {
  auto Add = [&](ExprStep::Kind K, const Expr *X) {
    ExprStep Check;
    Check.K = K;
    Check.E = X;
    Steps.push_back(Check);
  };
  // A call not resolved yet may take its arguments by value.
  if (E->isTypeDependent() || E->isValueDependent()) {
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    else if (const auto *U = dyn_cast<CXXUnresolvedConstructExpr>(E))
      Args = llvm::ArrayRef(U->arg_begin(), U->arg_end());
    for (unsigned I = 0; I < Args.size(); ++I)
      if ((Args[I]->isTypeDependent() || Args[I]->getType()->isRecordType()) && !byReferenceOnly(E, I))
        Add(ExprStep::Kind::CheckArgument, Args[I]);
  }
  for (const Stmt *Child : E->children()) {
    const auto *X = dyn_cast_or_null<Expr>(Child);
    if (!X || C.Replacements.count(X))
      continue;
    checkDependentTemporaries(X, Steps);
    if (X->isTypeDependent() &&
        (isa<CallExpr>(X) || isa<CXXUnresolvedConstructExpr>(X) || isa<CXXConstructExpr>(X) ||
         isa<BinaryOperator>(X) || isa<UnaryOperator>(X) || isa<AbstractConditionalOperator>(X) ||
         isa<ExplicitCastExpr>(X)))
      Add(ExprStep::Kind::Check, X);
  }
}

bool containsLambda(const Stmt *S) {
  if (!S)
    return false;
  if (isa<LambdaExpr>(S))
    return true;
  return llvm::any_of(S->children(), containsLambda);
}

void Analyzer::splitSuspend(const Expr *S, unsigned F, std::vector<ExprStep> &Steps) {
  const Expr *Operand = operandOf(S);
  if (suspends(Operand))
    split(Operand, F, Steps);
  unsigned Id = PointId.lookup(S);
  SuspendPoint &P = C.Points[Id - 1];
  if (P.Dependent) {
    // A template's operand: held in the frame to the end of the
    // full-expression, as C++20 keeps its materialisation; the awaiter's
    // type is named from it.  Temporaries inside it end before the
    // suspension: each instantiation checks that this is unobservable.
    if (containsLambda(Operand)) {
      error(Operand->getBeginLoc(), Diag::DependentLambda);
      return;
    }
    hoistTemporaries(Operand, F);
    checkDependentTemporaries(Operand, Steps);
    std::string Held = uniqueName("coflat_op" + std::to_string(Id));
    unsigned H = addObjectOfExpression(FrameObject::Kind::Temporary, Held, "coflat::detail::held_operand<$D>",
                                       Operand, "", F, Operand->getBeginLoc());
    C.Objects[H].Held = true;
    C.Objects[H].Origin = Operand;
    C.Replacements[Operand] = {Replacement::Kind::HoldInFrame, H};
    std::string Awaiter = P.K == SuspendPoint::Kind::Yield ? "yield_awaiter_t" : "await_awaiter_t";
    P.Awaiter = addObjectOfExpression(FrameObject::Kind::Awaiter, uniqueName("coflat_aw" + std::to_string(Id)),
                                      "coflat::detail::" + Awaiter + "<coflat_base, $D>", nullptr, Held + ".get()",
                                      F, S->getBeginLoc());
  } else {
    splitResolvedOperand(cast<CoroutineSuspendExpr>(S), Operand, F);
    QualType AwaiterType = cast<CoroutineSuspendExpr>(S)->getOpaqueValue()->getType();
    P.Awaiter = addObject(FrameObject::Kind::Awaiter, uniqueName("coflat_aw" + std::to_string(Id)),
                          AwaiterType.getUnqualifiedType(), F, S->getBeginLoc());
  }
  C.Objects[P.Awaiter].Origin = S;
  P.Region = F;
  FullExprLive[Id - 1] = std::vector<unsigned>(C.Regions[F].Objects.begin(),
                                               C.Regions[F].Objects.end());
  ExprStep Step;
  Step.K = ExprStep::Kind::Suspend;
  Step.Point = Id;
  Steps.push_back(Step);
  C.Replacements[S] = {Replacement::Kind::Resume, Id};
}

void Analyzer::splitResolvedOperand(const CoroutineSuspendExpr *S, const Expr *Operand, unsigned F) {
  // A yielded value is copied into the generator before it suspends: a
  // trivially destructible operand need not outlive the suspension.  An
  // awaited runtime object is moved from into its awaiter: what is left
  // need not outlive it either.
  const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Operand);
  bool Unobservable = MTE && (isa<CoyieldExpr>(S) ? !MTE->getType().isDestructedType()
                                                  : isRuntimeType(MTE->getType()));
  if (Unobservable)
    hoistTemporaries(MTE->getSubExpr()->IgnoreImplicit(), F);
  else
    hoistTemporaries(Operand, F);
}

unsigned Analyzer::newBool(const Expr *At, unsigned F) {
  return addObject(FrameObject::Kind::Spill, uniqueName("coflat_spill" + std::to_string(++Counter)),
                   Ctx.BoolTy, F, At->getBeginLoc());
}

int Analyzer::evalInto(const Expr *E, int Object, unsigned F, std::vector<ExprStep> &Steps) {
  // E's own suspensions and temporaries first, then E's value into Object.
  if (suspends(E))
    split(E, F, Steps);
  hoistTemporaries(E, F);
  ExprStep Eval;
  Eval.K = ExprStep::Kind::Eval;
  Eval.E = E;
  Eval.Object = Object;
  Steps.push_back(Eval);
  return Object;
}

void Analyzer::split(const Expr *E, unsigned F, std::vector<ExprStep> &Steps) {
  if (isSuspension(E)) {
    splitSuspend(E, F, Steps);
    return;
  }
  // Short-circuiting and conditional operators suspend only on the branch
  // taken: they become an `if` around the branch's steps.
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isLogicalOp() && suspends(BO->getRHS())) {
    ExprStep If;
    If.K = ExprStep::Kind::If;
    If.Object = evalInto(BO->getLHS(), newBool(BO, F), F, Steps); // holds the result too
    If.Negate = BO->getOpcode() == BO_LOr;
    evalInto(BO->getRHS(), If.Object, F, If.Then);
    C.Replacements[E] = {Replacement::Kind::Object, unsigned(If.Object)};
    Steps.push_back(std::move(If));
    return;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E);
      CO && (suspends(CO->getTrueExpr()) || suspends(CO->getFalseExpr()))) {
    ExprStep If;
    If.K = ExprStep::Kind::If;
    If.Object = evalInto(CO->getCond(), newBool(CO, F), F, Steps);
    int Result = spillObject(CO, F);
    checkHeldSpill(Result, CO, Steps);
    evalInto(CO->getTrueExpr(), Result, F, If.Then);
    evalInto(CO->getFalseExpr(), Result, F, If.Else);
    Steps.push_back(std::move(If));
    if (Result >= 0)
      C.Replacements[E] = {Replacement::Kind::Object, unsigned(Result)};
    return;
  }
  if (isa<BinaryConditionalOperator>(E) || isa<StmtExpr>(E)) {
    error(E->getBeginLoc(), Diag::UnsupportedExpression);
    return;
  }
  llvm::SmallVector<const Expr *, 4> Order = evaluationOrder(E);
  int Last = -1;
  for (unsigned I = 0; I < Order.size(); ++I)
    if (suspends(Order[I]))
      Last = I;
  for (int I = 0; I < Last; ++I)
    spillBefore(Order[I], F, Steps);
  if (Last >= 0)
    split(Order[Last], F, Steps);
}

} // namespace coflat
