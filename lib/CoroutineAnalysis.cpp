//===- CoroutineAnalysis.cpp - From a coroutine's AST to its model ---------===//
#include "CoroutineAnalysis.h"

#include "Analyzer.h"
#include "FrameLayout.h"
#include "FrameTypes.h"
#include "SourceRewriter.h"

#include "clang/AST/RecursiveASTVisitor.h"

#include <algorithm>
#include <functional>

using namespace clang;

namespace coflat {

void Analyzer::collectPoints(const Stmt *S, bool InExpansion) {
  if (!S)
    return;
  if (const auto *Ret = dyn_cast<CoreturnStmt>(S)) {
    collectPoints(Ret->getOperand(), InExpansion); // not the promise call that repeats it
    return;
  }
  // A pattern expanded once per element would be as many suspensions.
  InExpansion = InExpansion || isa<PackExpansionExpr, CXXFoldExpr>(S);
  if (isSuspension(S)) {
    const auto *SE = cast<Expr>(S);
    if (keywordLoc(SE).isMacroID())
      error(keywordLoc(SE), Diag::SuspendInMacro);
    if (InExpansion)
      error(keywordLoc(SE), Diag::SuspendInPackExpansion);
    collectPoints(operandOf(SE), InExpansion);
    SuspendPoint P;
    P.K = isa<CoyieldExpr>(SE) ? SuspendPoint::Kind::Yield : SuspendPoint::Kind::Await;
    P.E = SE;
    const auto *CSE = dyn_cast<CoroutineSuspendExpr>(SE);
    P.Dependent = !CSE || !CSE->getResumeExpr();
    P.Id = 0;
    P.Awaiter = 0;
    P.Region = 0;
    C.Points.push_back(P);
    return;
  }
  if (isa<LambdaExpr>(S))
    return; // its body is another function
  for (const Stmt *Child : S->children())
    collectPoints(Child, InExpansion);
}

bool Analyzer::suspends(const Stmt *S) {
  if (!S)
    return false;
  auto It = SuspendMemo.find(S);
  if (It != SuspendMemo.end())
    return It->second;
  bool Result = isSuspension(S);
  if (!Result && !isa<LambdaExpr>(S))
    for (const Stmt *Child : S->children())
      if (suspends(Child)) {
        Result = true;
        break;
      }
  SuspendMemo[S] = Result;
  return Result;
}

bool Analyzer::hasPointAfter(SourceLocation After, const Stmt *Scope) const {
  unsigned A = offset(After);
  for (const SuspendPoint &P : C.Points)
    if (offset(P.E->getBeginLoc()) > A && inside(P.E->getBeginLoc(), Scope))
      return true;
  return false;
}

unsigned Analyzer::newRegion(Region::Kind K, const Stmt *S, int Parent) {
  Region R;
  R.K = K;
  R.Id = C.Regions.size();
  R.Parent = Parent;
  R.S = S;
  C.Regions.push_back(R);
  if (S)
    C.RegionOf[S] = R.Id;
  return R.Id;
}

std::string Analyzer::uniqueName(StringRef Base) {
  std::string Name = Base.str();
  for (unsigned N = 1; UsedNames.contains(Name); ++N)
    Name = (Base + "_" + Twine(N)).str();
  UsedNames.insert(Name);
  return Name;
}

unsigned Analyzer::addObject(FrameObject::Kind K, std::string Name, QualType T, unsigned R,
                             SourceLocation L, const LambdaExpr *Closure, const Expr *Init) {
  FrameObject O;
  O.K = K;
  O.Name = std::move(Name);
  O.Type = T;
  O.Loc = L;
  O.Region = R;
  O.Closure = Closure;
  O.TypeName = Closure ? closureStorageName(T, Ctx) : frameTypeNameFrom(T, Init, Ctx);
  // Once per declaration: a range-for's hidden variables share its location.
  if (O.TypeName.empty() && !T->isDependentType() && ReportedLocalTypes.insert(L.getRawEncoding()).second)
    error(L, Diag::LocalType, {T.getAsString()});
  assert(!T->isReferenceType() && "references live in the frame as pointers");
  // A dependent type may have a destructor: it is destroyed as if it had.
  if (T.isDestructedType() || T->isDependentType()) {
    Region &Reg = C.Regions[R];
    O.DestroyIndex = Reg.NumDestroyed++;
  }
  unsigned Index = C.Objects.size();
  C.Objects.push_back(std::move(O));
  C.Regions[R].Objects.push_back(Index);
  return Index;
}

unsigned Analyzer::addObjectOfExpression(FrameObject::Kind K, std::string Name, std::string Pattern,
                                         const Expr *TypeOf, std::string TypeOfText, unsigned R,
                                         SourceLocation L) {
  unsigned O = addObject(K, std::move(Name), Ctx.DependentTy, R, L);
  FrameObject &Obj = C.Objects[O];
  Obj.TypeName = std::move(Pattern);
  Obj.FromExpression = true;
  Obj.TypeOf = TypeOf;
  Obj.TypeOfText = std::move(TypeOfText);
  return O;
}

// E below the nodes Sema wraps around a temporary: cleanups, implicit
// conversions, parentheses, bindings and materialisations.
static const Expr *belowTemporaryWrappers(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else
      return E;
  }
}

// The expression the user wrote as a copy-initialiser, below the implicit
// conversions (a converting constructor, a materialisation) Sema wrapped it in.
static const Expr *writtenInitializer(const Expr *E) {
  for (;;) {
    E = belowTemporaryWrappers(E);
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || isa<CXXTemporaryObjectExpr>(CE) || CE->getNumArgs() == 0 ||
        CE->getParenOrBraceRange().isValid() || CE->isListInitialization())
      return E;
    E = CE->getArg(0);
  }
}

bool buildsInitializerList(const Expr *E) {
  return isa<CXXStdInitializerListExpr>(belowTemporaryWrappers(E));
}

static bool hasExplicitConstructor(const CXXRecordDecl *RD) {
  for (const Decl *D : RD->decls()) {
    const Decl *Inner = D;
    if (const auto *FT = dyn_cast<FunctionTemplateDecl>(D))
      Inner = FT->getTemplatedDecl();
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Inner); Ctor && Ctor->getExplicitSpecifier().isSpecified())
      return true;
    if (isa<UsingDecl>(D))
      return true; // inherited constructors: assume the worst
  }
  return false;
}

static InitForm initFormOf(const VarDecl *V) {
  const Expr *Init = V->getInit();
  if (!Init)
    return InitForm::Default;
  // What a dependent initialiser selects is not known: copy-initialisation
  // is what the declaration says.
  if ((Init->isTypeDependent() || V->getType()->isDependentType()) && V->getInitStyle() == VarDecl::CInit &&
      !V->getType()->isArrayType() && !isa<InitListExpr>(Init->IgnoreImplicit()))
    return InitForm::Copy;
  const Expr *Bare = Init;
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Bare))
    Bare = EWC->getSubExpr();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(Bare);
      CE && CE->getNumArgs() == 0 && CE->getParenOrBraceRange().isInvalid() && !isa<CXXTemporaryObjectExpr>(CE))
    return InitForm::Default; // `T x;` of a class: the default constructor, implicitly
  if (V->getInitStyle() != VarDecl::CInit)
    return InitForm::Written;
  if (V->getType()->isArrayType() || isa<InitListExpr>(Bare->IgnoreImplicit()) ||
      (isa<CXXConstructExpr>(Bare) && cast<CXXConstructExpr>(Bare)->isListInitialization()))
    return InitForm::Braced;
  // Copy- and direct-initialisation agree unless the candidates differ:
  // explicit constructors and explicit conversion functions take part only
  // in the direct form, conversion functions only in the copy form.
  QualType T = V->getType();
  const Expr *E = writtenInitializer(Init);
  QualType S = E->getType();
  if (!T->isRecordType())
    return S->isRecordType() ? InitForm::Copy : InitForm::Direct;
  const auto *RD = T->getAsCXXRecordDecl();
  const auto *SD = S->getAsCXXRecordDecl();
  if (!RD || !SD)
    return InitForm::Copy;
  bool Same = RD->getCanonicalDecl() == SD->getCanonicalDecl();
  if (Same && E->isPRValue())
    return InitForm::Direct; // both construct x from e itself
  if ((Same || SD->isDerivedFrom(RD)) && !hasExplicitConstructor(RD))
    return InitForm::Direct; // both choose among the same constructors
  return InitForm::Copy;
}

bool Analyzer::hoistLocal(const VarDecl *V, unsigned R, StringRef InitText) {
  QualType T = V->getType();
  bool ViaPointer = T->isReferenceType();
  // In a template, a placeholder is deduced from the initialiser.
  std::optional<std::string> Deduced;
  if (T->isDependentType() && T->getContainedDeducedType()) {
    Deduced = deducedTypePattern(T);
    if (!Deduced || (!V->getInit() && InitText.empty()) ||
        (V->getInit() && isa<InitListExpr>(V->getInit()->IgnoreImplicit()) &&
         V->getInitStyle() == VarDecl::CInit)) {
      error(V->getLocation(), Diag::DependentPlaceholder, {V->getName().str()});
      return false;
    }
    if (ViaPointer)
      Deduced = "std::add_pointer_t<" + *Deduced + ">";
    // A closure's type cannot be named in the frame (nor a lambda be
    // written in its decltype).
    if (V->getInit() && containsLambda(V->getInit())) {
      if (isa<LambdaExpr>(V->getInit()->IgnoreImplicit()))
        error(V->getLocation(), Diag::LocalType, {"lambda"});
      else
        error(V->getLocation(), Diag::DependentLambdaLocal, {V->getName().str()});
      return false;
    }
  }
  if (ViaPointer) {
    const Expr *Init = V->getInit();
    if (const auto *EWC = dyn_cast_or_null<ExprWithCleanups>(Init))
      Init = EWC->getSubExpr();
    if (const auto *MTE = dyn_cast_or_null<MaterializeTemporaryExpr>(Init);
        MTE && MTE->getExtendingDecl() == V) {
      std::string Name = V->getName().str();
      if (const auto *D = dyn_cast<DecompositionDecl>(V)) {
        Name = "[";
        for (const BindingDecl *B : D->bindings())
          Name += (Name.size() > 1 ? ", " : "") + B->getName().str();
        Name += "]";
      }
      error(V->getLocation(), Diag::ReferenceToTemporary, {Name});
      return false;
    }
    T = Ctx.getPointerType(T.getNonReferenceType());
  } else if (V->getInit() && buildsInitializerList(V->getInit())) {
    error(V->getLocation(), Diag::InitializerListLocal, {V->getName().str()});
    return false;
  }
  StringRef Base = !V->getName().empty()        ? V->getName()
                   : isa<DecompositionDecl>(V) ? StringRef("coflat_binding")
                                               : StringRef("coflat_unnamed");
  // Keep the user's name unless it would hide a name the body uses for
  // something else, or another frame member has it.
  std::string Name = Base.str();
  bool Clash = UsedNames.contains(Name);
  for (const NamedDecl *D : Referenced)
    if (D != V && D->getDeclName().isIdentifier() && D->getName() == Name)
      Clash = true;
  if (Clash)
    Name = uniqueName(Base);
  else
    UsedNames.insert(Name);
  // A closure made by the declaration's lambda is kept as its bytes.
  const auto *Closure = V->getInit() && !T->isDependentType() && T->isRecordType() &&
                                T->getAsCXXRecordDecl()->isLambda()
                            ? dyn_cast<LambdaExpr>(V->getInit()->IgnoreImplicit())
                            : nullptr;
  unsigned O = Deduced ? addObjectOfExpression(FrameObject::Kind::Local, Name, *Deduced, V->getInit(),
                                                InitText.str(), R, V->getLocation())
                       : addObject(FrameObject::Kind::Local, Name, T, R, V->getLocation(), Closure,
                                   V->getInit());
  C.Objects[O].Var = V;
  C.Objects[O].ViaPointer = ViaPointer;
  C.Objects[O].Init = InitText.empty() ? initFormOf(V) : InitForm::Copy;
  C.Hoisted[V] = O;
  return true;
}

bool Analyzer::hoistBindings(const DecompositionDecl *D, unsigned R, StringRef InitText) {
  // A template's bindings are known only per instantiation.
  if (C.Dependent) {
    error(D->getLocation(), Diag::StructuredBinding);
    return false;
  }
  if (!hoistLocal(D, R, InitText))
    return false;
  unsigned Whole = C.Hoisted[D];
  unsigned Index = 0;
  for (const BindingDecl *B : D->bindings()) {
    // A tuple-like binding is a reference variable initialised by get<I>;
    // the others name a member or an element of the decomposed object.
    if (const VarDecl *Holding = B->getHoldingVar()) {
      // A get<I> that returns a value: the reference extends a temporary's
      // life, as the frame's value does.
      const Expr *Init = Holding->getInit();
      if (const auto *EWC = dyn_cast<ExprWithCleanups>(Init))
        Init = EWC->getSubExpr();
      if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Init); MTE && MTE->getExtendingDecl() == Holding) {
        QualType T = Holding->getType().getNonReferenceType().getUnqualifiedType();
        unsigned O = addObject(FrameObject::Kind::Local, uniqueName(Holding->getName()), T, R, B->getLocation());
        C.Objects[O].Var = Holding;
        C.Objects[O].Init = InitForm::Copy;
        C.Hoisted[Holding] = O;
      } else if (!hoistLocal(Holding, R, "get")) {
        return false;
      }
      FrameObject &O = C.Objects[C.Hoisted[Holding]];
      // Spelled as what it refers to, not as `std::tuple_element<I, E>::type`.
      O.TypeName = frameTypeName(O.Type.getCanonicalType(), Ctx);
      O.Decomposed = int(Whole);
      O.GetIndex = int(Index);
      O.MemberGet = isa<CXXMemberCallExpr>(Holding->getInit()->IgnoreImplicit());
    }
    ++Index;
  }
  return true;
}

void Analyzer::walkCondVar(const VarDecl *V, unsigned R) {
  if (isa<DecompositionDecl>(V)) {
    error(V->getLocation(), Diag::StructuredBinding);
    return;
  }
  if (hoistLocal(V, R) && V->getInit() && suspends(V->getInit()))
    walkFullExpr(V->getInit(), R, false);
}

void Analyzer::planLambdas(const Stmt *S) {
  // In the resume function a frame variable is a member: captured as
  // written, the closure would hold the frame's `this` (by reference where
  // the user asked for a copy).  Each capture of one becomes an
  // init-capture of the member instead.
  if (!S)
    return;
  auto IsFrameVariable = [&](const VarDecl *V) {
    return C.Hoisted.count(V) || (isa<ParmVarDecl>(V) && V->getDeclContext() == C.F);
  };
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    std::vector<FrameCapture> Captures;
    bool HasInit = false; // its initializer may name frame objects
    for (const LambdaCapture &Cap : L->captures()) {
      SourceLocation At = Cap.getLocation().isValid() ? Cap.getLocation() : L->getBeginLoc();
      if (Cap.capturesThis() && C.IsMember) {
        error(At, Diag::LambdaCapturesThis);
        continue;
      }
      if (!Cap.capturesVariable())
        continue;
      if (const auto *B = dyn_cast<BindingDecl>(Cap.getCapturedVar())) {
        // C++17 cannot capture a binding; C++20 can, and an init-capture
        // does the same.
        if (C.Hoisted.count(cast<VarDecl>(B->getDecomposedDecl())))
          Captures.push_back({B, Cap.getCaptureKind() == LCK_ByRef, Cap.isImplicit(), Cap.getLocation()});
        continue;
      }
      const auto *V = dyn_cast<VarDecl>(Cap.getCapturedVar());
      HasInit |= V && V->isInitCapture();
      if (!V || !IsFrameVariable(V))
        continue;
      if (Cap.isPackExpansion() || V->isParameterPack()) {
        error(At, Diag::LambdaCapturesPack, {V->getName().str()});
        continue;
      }
      Captures.push_back({V, Cap.getCaptureKind() == LCK_ByRef, Cap.isImplicit(), Cap.getLocation()});
    }
    // A template's lambda lists no implicit captures (what is odr-used may
    // depend on the arguments): a capture-default captures every frame
    // variable its body names.
    if (C.Dependent && L->getCaptureDefault() != LCD_None) {
      std::function<void(const Stmt *)> Named = [&](const Stmt *B) {
        if (!B)
          return;
        if (const auto *DRE = dyn_cast<DeclRefExpr>(B))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
              V && IsFrameVariable(V) &&
              llvm::none_of(Captures, [&](const FrameCapture &F) { return F.Var == V; }) &&
              llvm::none_of(L->explicit_captures(), [&](const LambdaCapture &E) {
                return E.capturesVariable() && E.getCapturedVar() == V;
              })) {
            if (V->isParameterPack())
              error(DRE->getLocation(), Diag::LambdaCapturesPack, {V->getName().str()});
            else
              Captures.push_back({V, L->getCaptureDefault() == LCD_ByRef, true, SourceLocation()});
          }
        for (const Stmt *Child : B->children())
          Named(Child);
      };
      Named(L->getBody());
    }
    if (!Captures.empty() || HasInit)
      C.FrameCaptures[L] = std::move(Captures);
    // An init-capture's initializer is the enclosing function's code.
    for (const Expr *Init : L->capture_inits())
      planLambdas(Init);
    return;
  }
  for (const Stmt *Child : S->children())
    planLambdas(Child);
}

void Analyzer::checkCondVar(const VarDecl *V, const Stmt *Scope) {
  if (V && hasPointAfter(V->getEndLoc(), Scope))
    error(V->getLocation(), Diag::ConditionVariable, {V->getName().str()});
}

void Analyzer::walk(const Stmt *S, unsigned R) {
  if (!S)
    return;
  if (const auto *E = dyn_cast<Expr>(S)) {
    walkFullExpr(E, R, /*AsCondition=*/false);
    return;
  }
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass: {
    unsigned B = newRegion(Region::Kind::Block, S, R);
    for (const Stmt *Child : cast<CompoundStmt>(S)->body())
      walk(Child, B);
    return;
  }
  case Stmt::DeclStmtClass:
    walkDecl(cast<DeclStmt>(S), R);
    return;
  case Stmt::ForStmtClass: {
    const auto *For = cast<ForStmt>(S);
    unsigned L = newRegion(Region::Kind::Loop, S, R);
    checkCondVar(For->getConditionVariable(), For);
    Loops.push_back(S);
    walk(For->getInit(), L);
    if (suspends(For->getCond()) || suspends(For->getInc()))
      C.ContinueLabel[S] = ++Counter;
    if (For->getCond())
      walkFullExpr(For->getCond(), L, /*AsCondition=*/true);
    if (For->getInc())
      walkFullExpr(For->getInc(), L, false);
    walk(For->getBody(), L);
    Loops.pop_back();
    return;
  }
  case Stmt::CXXForRangeStmtClass:
    walkRangeFor(cast<CXXForRangeStmt>(S), R);
    return;
  case Stmt::WhileStmtClass: {
    const auto *W = cast<WhileStmt>(S);
    Loops.push_back(S);
    if (const VarDecl *V = W->getConditionVariable(); V && suspends(W)) {
      // The condition variable lives for one iteration: a region per pass.
      unsigned Iter = newRegion(Region::Kind::Loop, W, R);
      walkCondVar(V, Iter);
      walk(W->getBody(), Iter);
    } else {
      walkFullExpr(W->getCond(), R, /*AsCondition=*/true);
      walk(W->getBody(), R);
    }
    Loops.pop_back();
    return;
  }
  case Stmt::DoStmtClass: {
    const auto *D = cast<DoStmt>(S);
    Loops.push_back(S);
    if (suspends(D->getCond()))
      C.ContinueLabel[S] = ++Counter;
    walk(D->getBody(), R);
    walkFullExpr(D->getCond(), R, /*AsCondition=*/true);
    Loops.pop_back();
    return;
  }
  case Stmt::IfStmtClass: {
    const auto *If = cast<IfStmt>(S);
    if (If->isConstexpr() && suspends(If)) {
      walkConstexprIf(If, R);
      return;
    }
    if (If->isConsteval()) {
      walk(If->getThen(), R);
      walk(If->getElse(), R);
      return;
    }
    // An init-statement or a condition variable makes a scope around the
    // whole statement: it becomes a region when something in it suspends.
    unsigned Scope = R;
    if ((If->getInit() || If->getConditionVariable()) && suspends(If)) {
      Scope = newRegion(Region::Kind::Loop, If, R);
      walk(If->getInit(), Scope);
      if (const VarDecl *V = If->getConditionVariable())
        walkCondVar(V, Scope);
    }
    if (!If->getConditionVariable())
      walkFullExpr(If->getCond(), Scope, /*AsCondition=*/true);
    walk(If->getThen(), Scope);
    walk(If->getElse(), Scope);
    return;
  }
  case Stmt::SwitchStmtClass: {
    const auto *Sw = cast<SwitchStmt>(S);
    // As for `if`: an init-statement, a condition variable or a suspending
    // condition makes a scope around the whole statement.
    unsigned Scope = R;
    if ((Sw->getInit() || Sw->getConditionVariable() || suspends(Sw->getCond())) && suspends(Sw)) {
      if (C.Dependent && suspends(Sw->getCond()) && !Sw->getConditionVariable()) {
        error(Sw->getCond()->getBeginLoc(), Diag::SwitchCondition);
        return;
      }
      Scope = newRegion(Region::Kind::Loop, Sw, R);
      walk(Sw->getInit(), Scope);
      if (const VarDecl *V = Sw->getConditionVariable())
        walkCondVar(V, Scope);
      else
        walkFullExpr(Sw->getCond(), Scope, /*AsCondition=*/true, Sw->getCond()->getType());
    }
    walk(Sw->getBody(), Scope);
    return;
  }
  case Stmt::CXXTryStmtClass: {
    const auto *Try = cast<CXXTryStmt>(S);
    unsigned T = R;
    if (suspends(Try->getTryBlock()))
      T = newRegion(Region::Kind::Try, S, R);
    walk(Try->getTryBlock(), T);
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      walk(Try->getHandler(I)->getHandlerBlock(), R);
    return;
  }
  case Stmt::CoreturnStmtClass: {
    const auto *Ret = cast<CoreturnStmt>(S);
    C.HasCoreturn = true;
    if (const Expr *Op = Ret->getOperand()) {
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
            V && V->hasLocalStorage() && !V->getType()->isReferenceType() &&
            !V->getType().isVolatileQualified())
          C.MovesOperand.insert(Ret);
      walkFullExpr(Op, R, false);
    }
    return;
  }
  case Stmt::LabelStmtClass:
    C.HasLabels = true;
    walk(cast<LabelStmt>(S)->getSubStmt(), R);
    return;
  case Stmt::ContinueStmtClass:
    if (!Loops.empty()) // the innermost loop (Loops holds no switch)
      C.ContinueTarget[cast<ContinueStmt>(S)] = Loops.back();
    return;
  case Stmt::GCCAsmStmtClass:
  case Stmt::MSAsmStmtClass:
    if (suspends(FD->getBody()))
      error(S->getBeginLoc(), Diag::UnsupportedStatement, {"inline assembly"});
    return;
  case Stmt::SEHTryStmtClass:
    error(S->getBeginLoc(), Diag::UnsupportedStatement, {"SEH __try"});
    return;
  default:
    for (const Stmt *Child : S->children())
      walk(Child, R);
    return;
  }
}

void Analyzer::walkDecl(const DeclStmt *DS, unsigned R) {
  const Stmt *Scope = C.Regions[R].S;
  // The declarators of one statement are hoisted together, so the
  // statement is rewritten as a whole.
  bool HoistAll = false;
  for (const Decl *D : DS->decls())
    if (const auto *V = dyn_cast<VarDecl>(D); V && V->hasLocalStorage())
      HoistAll |= (V->getInit() && suspends(V->getInit())) ||
                  (Scope && hasPointAfter(V->getEndLoc(), Scope));
  for (const Decl *D : DS->decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || !V->hasLocalStorage())
      continue;
    bool InitSuspends = V->getInit() && suspends(V->getInit());
    if (HoistAll && !(isa<DecompositionDecl>(V) ? hoistBindings(cast<DecompositionDecl>(V), R)
                                                : hoistLocal(V, R)))
      continue;
    if (InitSuspends)
      walkFullExpr(V->getInit(), R, false);
  }
}

void Analyzer::walkConstexprIf(const IfStmt *If, unsigned R) {
  // A label inside a branch may only be reached from within it: resuming
  // enters at a label before the statement, and the branch dispatches.
  if (If->getInit() || If->getConditionVariable()) {
    error(If->getBeginLoc(), Diag::ConstexprIfInit);
    return;
  }
  // In a template, the frame names the condition (for its branches' member
  // types), where the function's locals are not.
  if (C.Dependent)
    checkFrameCondition(If->getCond());
  unsigned K = newRegion(Region::Kind::ConstexprIf, If, R);
  for (bool Else : {false, true}) {
    const Stmt *B = Else ? If->getElse() : If->getThen();
    if (!suspends(B)) {
      walk(B, K);
      continue;
    }
    unsigned Branch;
    if (isa<CompoundStmt>(B)) {
      walk(B, K);
      Branch = C.RegionOf[B];
    } else {
      Branch = newRegion(Region::Kind::Block, nullptr, K);
      C.UnbracedBranch[B] = Branch;
      walk(B, Branch);
    }
    C.Regions[Branch].BranchCondition = If->getCond();
    C.Regions[Branch].ElseBranch = Else;
  }
}

void Analyzer::checkFrameCondition(const Stmt *S) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()); V && V->isLocalVarDecl())
      error(DRE->getLocation(), Diag::ConstexprIfLocal, {V->getName().str()});
  for (const Stmt *Child : S->children())
    checkFrameCondition(Child);
}

void Analyzer::walkRangeFor(const CXXForRangeStmt *RF, unsigned R) {
  Loops.push_back(RF);
  if (!suspends(RF->getBody())) {
    if (suspends(RF->getRangeInit()))
      error(RF->getRangeInit()->getBeginLoc(), Diag::RangeForRange, {"; store the range in a variable first"});
    walk(RF->getBody(), R);
    Loops.pop_back();
    return;
  }
  if (suspends(RF->getRangeInit()))
    error(RF->getRangeInit()->getBeginLoc(), Diag::RangeForRange, {""});
  if (C.Dependent && isa<DecompositionDecl>(RF->getLoopVariable())) {
    error(RF->getLoopVariable()->getLocation(), Diag::StructuredBinding);
    Loops.pop_back();
    return;
  }
  unsigned L = newRegion(Region::Kind::Loop, RF, R);
  // `for (init; v : r)` is `{ init; auto&& range = r; ... }`.
  walk(RF->getInit(), L);
  unsigned N = ++Counter;
  // __range: a pointer to an lvalue range, or the (lifetime-extended)
  // temporary itself; for a braced list, the list's array.
  RangeForPlan Plan;
  const VarDecl *RangeVar = cast<VarDecl>(RF->getRangeStmt()->getSingleDecl());
  if (!RF->getBeginStmt()) {
    // A template's dependent range: held as `auto&&` holds it (a braced
    // list as the list's array, a braced_list), its bounds found at
    // instantiation as a range-for finds them.
    Plan.How = RangeForPlan::Bounds::Generic;
    Plan.BracedList = isa<InitListExpr>(RangeVar->getInit());
    std::string RangeName = uniqueName("coflat_range" + std::to_string(N));
    Plan.Range = addObjectOfExpression(
        FrameObject::Kind::Hidden, RangeName,
        Plan.BracedList ? "decltype(coflat::detail::braced_list_of$A)" : "coflat::detail::held_operand<$D>",
        RangeVar->getInit(), "", L, RF->getBeginLoc());
    C.Objects[Plan.Range].Held = !Plan.BracedList;
    C.Objects[Plan.Range].Origin = RangeVar->getInit();
    C.Objects[Plan.Range].Var = RangeVar;
    std::string BeginName = uniqueName("coflat_begin" + std::to_string(N));
    std::string EndName = uniqueName("coflat_end" + std::to_string(N));
    std::string RangeRef = Plan.BracedList ? RangeName : RangeName + ".ref()";
    Plan.Begin = addObjectOfExpression(FrameObject::Kind::Hidden, BeginName, "std::decay_t<$D>", nullptr,
                                       "coflat::detail::range_begin(" + RangeRef + ")", L, RF->getBeginLoc());
    Plan.End = addObjectOfExpression(FrameObject::Kind::Hidden, EndName, "std::decay_t<$D>", nullptr,
                                     "coflat::detail::range_end(" + RangeRef + ")", L, RF->getBeginLoc());
    C.RangeFors[RF] = Plan;
    unsigned Iter = newRegion(Region::Kind::Loop, nullptr, L);
    C.RegionOf[RF->getLoopVarStmt()] = Iter;
    hoistLocal(RF->getLoopVariable(), Iter, "*" + BeginName);
    walk(RF->getBody(), Iter);
    Loops.pop_back();
    return;
  }
  const Expr *Init = RangeVar->getInit()->IgnoreImplicit();
  const Expr *Bound = RangeVar->getInit();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(Bound))
    Bound = EWC->getSubExpr();
  std::string RangeName = uniqueName("coflat_range" + std::to_string(N));
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(Bound)) {
    const Expr *Temp = MTE->getSubExpr()->IgnoreImplicit();
    QualType T = MTE->getType().getNonReferenceType().getUnqualifiedType();
    if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(Temp)) {
      // The array is const in the list; the frame's copy is not, so that
      // the frame's union can hold it.  Iteration reads it through the
      // list's `const E*` iterators all the same.
      const Expr *Array = IL->getSubExpr()->IgnoreImplicit();
      if (const auto *ArrayTemp = dyn_cast<MaterializeTemporaryExpr>(Array))
        Array = ArrayTemp->getSubExpr();
      const auto *AT = Ctx.getAsConstantArrayType(Array->getType());
      T = Ctx.getConstantArrayType(AT->getElementType().getUnqualifiedType(), AT->getSize(), nullptr,
                                   ArraySizeModifier::Normal, 0);
      Temp = Array;
      Plan.BracedList = true;
      Plan.How = RangeForPlan::Bounds::Array;
      Plan.ArraySize = AT->getSize().getZExtValue();
    }
    Plan.Range = addObject(FrameObject::Kind::Hidden, RangeName, T, L, RF->getBeginLoc());
    C.Objects[Plan.Range].Origin = Plan.BracedList ? Temp : MTE->getSubExpr();
  } else {
    Plan.Range = addObject(FrameObject::Kind::Hidden, RangeName, Ctx.getPointerType(Init->getType()), L,
                           RF->getBeginLoc());
    C.Objects[Plan.Range].ViaPointer = true;
    C.Objects[Plan.Range].Origin = Init;
  }
  C.Objects[Plan.Range].Var = RangeVar;
  QualType RangeType = RangeVar->getType().getNonReferenceType();
  const VarDecl *BeginVar = cast<VarDecl>(RF->getBeginStmt()->getSingleDecl());
  const VarDecl *EndVar = cast<VarDecl>(RF->getEndStmt()->getSingleDecl());
  // begin/end as the language defines them: an array, members, or ADL (a
  // braced list's bounds were set with its array above).
  if (const auto *AT = Ctx.getAsConstantArrayType(RangeType); AT && !Plan.BracedList) {
    Plan.How = RangeForPlan::Bounds::Array;
    Plan.ArraySize = AT->getSize().getZExtValue();
  } else if (!Plan.BracedList) {
    bool Member = isa<CXXMemberCallExpr>(BeginVar->getInit()->IgnoreImplicit());
    Plan.How = Member ? RangeForPlan::Bounds::Member : RangeForPlan::Bounds::ADL;
  }
  Plan.Begin = addObject(FrameObject::Kind::Hidden, uniqueName("coflat_begin" + std::to_string(N)),
                         BeginVar->getType(), L, RF->getBeginLoc());
  C.Objects[Plan.Begin].Var = BeginVar;
  Plan.End = addObject(FrameObject::Kind::Hidden, uniqueName("coflat_end" + std::to_string(N)),
                       EndVar->getType(), L, RF->getBeginLoc());
  C.Objects[Plan.End].Var = EndVar;
  C.RangeFors[RF] = Plan;
  // The loop variable lives for one iteration: its own region.
  unsigned Iter = newRegion(Region::Kind::Loop, nullptr, L);
  C.RegionOf[RF->getLoopVarStmt()] = Iter;
  if (const auto *D = dyn_cast<DecompositionDecl>(RF->getLoopVariable()))
    hoistBindings(D, Iter);
  else
    hoistLocal(RF->getLoopVariable(), Iter);
  walk(RF->getBody(), Iter);
  Loops.pop_back();
}

void Analyzer::walkFullExpr(const Expr *E, unsigned R, bool AsCondition, QualType ValueType) {
  if (!E || !suspends(E))
    return;
  unsigned F = newRegion(Region::Kind::FullExpr, E, R);
  SplitExpr Split;
  Split.Root = E;
  Split.Region = F;
  split(E, F, Split.Steps);
  if (AsCondition) {
    // The condition's value is kept in the frame so the full-expression's
    // temporaries can be destroyed before the branch runs.
    unsigned O = addObject(FrameObject::Kind::Condition, uniqueName("coflat_cond" + std::to_string(++Counter)),
                           ValueType.isNull() ? Ctx.BoolTy : ValueType.getUnqualifiedType(), F, E->getBeginLoc());
    ExprStep Step;
    Step.K = ExprStep::Kind::Eval;
    Step.E = E;
    Step.Object = O;
    Split.Steps.push_back(Step);
    Split.Result = O;
  }
  C.Splits[E] = std::move(Split);
}

void Analyzer::assignSlots() {
  // Two objects may share storage when neither's region contains the
  // other's: their scopes are disjoint, so they are never alive together.
  auto Contains = [&](int Outer, int Inner) {
    for (int R = Inner; R >= 0; R = C.Regions[R].Parent)
      if (R == Outer)
        return true;
    return false;
  };
  if (C.Dependent) {
    assignTemplateSlots();
    return;
  }
  std::vector<std::vector<unsigned>> Slots;
  for (unsigned I = 0; I < C.Objects.size(); ++I) {
    FrameObject &O = C.Objects[I];
    if (O.K == FrameObject::Kind::Parameter)
      continue;
    auto Fits = [&](const std::vector<unsigned> &Slot) {
      return llvm::all_of(Slot, [&](unsigned J) {
        int A = C.Objects[J].Region, B = O.Region;
        return !Contains(A, B) && !Contains(B, A);
      });
    };
    auto It = llvm::find_if(Slots, Fits);
    O.Slot = It - Slots.begin();
    if (It == Slots.end())
      Slots.emplace_back();
    Slots[O.Slot].push_back(I);
  }
}

void Analyzer::assignTemplateSlots() {
  // A template's members are named from members declared before them
  // (decltype), so each keeps a slot of its own, in creation order, except
  // that a local deduced from an initialiser that suspends follows the
  // objects of that initialiser (its awaiters), and so does the value of a
  // conditional operator that suspends, spilled before its branches run.
  std::vector<unsigned> Order;
  for (unsigned I = 0; I < C.Objects.size(); ++I)
    if (C.Objects[I].K != FrameObject::Kind::Parameter)
      Order.push_back(I);
  for (unsigned I = 0; I < C.Objects.size(); ++I) {
    const FrameObject &O = C.Objects[I];
    if (!O.FromExpression || !O.TypeOf)
      continue;
    int Last = -1;
    if (O.K == FrameObject::Kind::Local) {
      auto F = C.RegionOf.find(O.TypeOf);
      if (F != C.RegionOf.end() && !C.Regions[F->second].Objects.empty())
        Last = C.Regions[F->second].Objects.back();
    } else if (O.K == FrameObject::Kind::Spill && suspends(O.TypeOf)) {
      for (unsigned J = I + 1; J < C.Objects.size(); ++J)
        if (inside(C.Objects[J].Loc, O.TypeOf))
          Last = J;
    }
    if (Last < 0)
      continue;
    Order.erase(llvm::find(Order, I));
    Order.insert(llvm::find(Order, unsigned(Last)) + 1, I);
  }
  for (unsigned Slot = 0; Slot < Order.size(); ++Slot)
    C.Objects[Order[Slot]].Slot = Slot;
}

bool Analyzer::isBarrierBody(unsigned R) const {
  const Region &Reg = C.Regions[R];
  if (Reg.K != Region::Kind::Block || Reg.Parent < 0)
    return false;
  const Region &P = C.Regions[Reg.Parent];
  if (P.K == Region::Kind::ConstexprIf)
    return Reg.BranchCondition != nullptr;
  return P.K == Region::Kind::Try && cast<CXXTryStmt>(P.S)->getTryBlock() == Reg.S;
}

void Analyzer::finishPoints() {
  for (Region &Reg : C.Regions)
    Reg.BarrierBody = isBarrierBody(Reg.Id);
  for (SuspendPoint &P : C.Points) {
    // Regions from the point outwards.
    llvm::SmallVector<unsigned, 8> Chain;
    for (int R = P.Region; R >= 0; R = C.Regions[R].Parent)
      Chain.push_back(R);
    for (unsigned R : Chain)
      C.Regions[R].ContainsSuspend = true;
    unsigned At = offset(P.E->getBeginLoc());
    for (unsigned R : Chain) {
      const Region &Reg = C.Regions[R];
      if (Reg.K == Region::Kind::FullExpr)
        continue;
      for (unsigned O : Reg.Objects) {
        // Constructed before the point: a local once its whole declaration
        // (initialiser included) precedes it.
        const FrameObject &Obj = C.Objects[O];
        SourceLocation Done = Obj.K == FrameObject::Kind::Local ? Obj.Var->getEndLoc() : Obj.Loc;
        if (offset(Done) < At)
          P.Live.push_back(O);
      }
    }
    for (unsigned O : FullExprLive[P.Id - 1])
      P.Live.push_back(O);
  }
  for (SuspendPoint &P : C.Points) {
    llvm::SmallVector<unsigned, 8> Chain;
    for (int R = P.Region; R >= 0; R = C.Regions[R].Parent)
      if (C.Regions[R].isBarrier() && !C.Regions[R].BarrierBody)
        Chain.push_back(R);
    P.Barriers.assign(Chain.rbegin(), Chain.rend());
  }
}

void Analyzer::checkMacroBodies(const Stmt *S) {
  // Text written in a macro's body cannot be rewritten (text passed as a
  // macro argument can, where it is written): refuse a rewritten node there.
  for (const Stmt *Child : S->children()) {
    if (!Child || isa<LambdaExpr>(Child))
      continue;
    SourceLocation B = Child->getBeginLoc();
    if (B.isMacroID() && !SM.isMacroArgExpansion(B) &&
        (C.rewritesStatement(Child) || C.rewritesExpression(Child))) {
      if (ReportedMacros.insert(SM.getExpansionLoc(B).getRawEncoding()).second)
        error(B, Diag::FrameNameInMacro);
      continue;
    }
    checkMacroBodies(Child);
  }
}

void Analyzer::checkPackInTypes(const Stmt *Body) {
  // The body is rewritten through its statements and expressions; a
  // reference inside a type (decltype, a template argument) keeps its text,
  // which names no pack in the frame.
  if (!C.Pack)
    return;
  llvm::DenseSet<const Stmt *> Reached;
  std::function<void(const Stmt *)> Walk = [&](const Stmt *S) {
    if (!S)
      return;
    Reached.insert(S);
    for (const Stmt *Child : S->children())
      Walk(Child);
  };
  Walk(Body);
  struct Everywhere : RecursiveASTVisitor<Everywhere> {
    const Coroutine &C;
    std::vector<const Expr *> Found;
    explicit Everywhere(const Coroutine &C) : C(C) {}
    bool VisitExpr(Expr *E) {
      if (C.namesPack(E))
        Found.push_back(E);
      return true;
    }
  } All(C);
  All.TraverseStmt(const_cast<Stmt *>(Body));
  for (const Expr *E : All.Found)
    if (!Reached.contains(E))
      error(E->getBeginLoc(), Diag::PackInType, {C.Pack->getName().str()});
}

// Whether FD's written return type refers to its parameters (a trailing
// return type's decltype), which the frame, declared before the function,
// cannot name.
static bool namesParameter(const FunctionDecl *FD) {
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *E) {
      Found |= isa<ParmVarDecl>(E->getDecl());
      return true;
    }
  } F;
  if (TypeSourceInfo *TSI = FD->getTypeSourceInfo())
    if (auto FTL = TSI->getTypeLoc().getAsAdjusted<FunctionTypeLoc>())
      F.TraverseTypeLoc(FTL.getReturnLoc());
  return F.Found;
}

std::optional<Coroutine> Analyzer::run() {
  const auto *Body = cast<CoroutineBodyStmt>(FD->getBody());
  if (FD->getBeginLoc().isMacroID() || Body->getBody()->getBeginLoc().isMacroID()) {
    error(FD->getLocation(), Diag::DefinedByMacro);
    return std::nullopt;
  }
  if (isa<CXXMethodDecl>(FD) && cast<CXXMethodDecl>(FD)->getParent()->isLambda()) {
    error(FD->getLocation(), Diag::LambdaCoroutine);
    return std::nullopt;
  }
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (MD->getParent()->isLocalClass()) {
      error(FD->getLocation(), Diag::MemberOfLocalClass);
      return std::nullopt;
    }
    C.IsMember = true;
    // Defined outside its class, the frame cannot be nested there; a local
    // class of the function has the same access.
    C.LocalFrame = MD->isOutOfLine();
    // A ref-qualified member's coroutine refers to its object as any
    // other's does (`*this` is an lvalue in both).
    if (MD->isInstance())
      C.SelfType = frameTypeName(MD->getThisType(), Ctx);
  }
  // A template's frame is a template (a member of a class template's is
  // nested in it, and templated with it).
  C.Dependent = FD->isDependentContext();
  // A template's frame names its members' types with decltype, which g++
  // 12 gets wrong in a local class of a const member (it sees the members
  // const), and a local class can have no member templates.
  if (C.LocalFrame && C.Dependent) {
    error(FD->getLocation(), Diag::LocalFrameTemplate);
    return std::nullopt;
  }
  std::string Params, Args;
  const FunctionTemplateDecl *FT = FD->getDescribedFunctionTemplate();
  if (FT) {
    FrameTemplate T = frameTemplate(FT, Ctx);
    if (T.PackNotLast) {
      error(T.PackNotLast->getLocation(), Diag::PackNotLast, {T.PackNotLast->getName().str()});
      return std::nullopt;
    }
    Params = T.Params;
    Args = T.Args;
  }
  for (const ParmVarDecl *P : FD->parameters()) {
    if (!P->isParameterPack())
      continue;
    if (C.Pack) {
      error(C.Pack->getLocation(), Diag::PackNotLast, {C.Pack->getName().str()});
      return std::nullopt;
    }
    C.Pack = P;
  }
  C.ReturnType = frameTypeName(FD->getReturnType(), Ctx);
  std::string ArgsInFunction = Args;
  auto Prepend = [](std::string &List, const std::string &Item) {
    List = Item + (List.empty() ? "" : ", " + List);
  };
  // Parameters the frame adds come first: a pack must stay last.
  if (FT && FD->getReturnType()->isDependentType() && namesParameter(FD)) {
    Prepend(Params, "class coflat_return");
    Prepend(Args, "coflat_return");
    Prepend(ArgsInFunction, C.ReturnType);
    C.ReturnType = "coflat_return";
  }
  if (C.Pack) {
    // The frame names the pack's elements through an index pack of its
    // own: it is a partial specialization on std::index_sequence.
    std::string Primary = Params;
    Prepend(Primary, "class coflat_indices");
    C.FramePrimary = "template <" + Primary + ">";
    Prepend(Params, "std::size_t... coflat_i");
    Prepend(Args, "std::index_sequence<coflat_i...>");
    Prepend(ArgsInFunction, "std::make_index_sequence<sizeof...(" + C.Pack->getName().str() + ")>");
  }
  if (!Params.empty()) {
    C.TemplateHead = "template <" + Params + ">";
    C.TemplateArgs = "<" + Args + ">";
    C.TemplateArgsInFunction = "<" + ArgsInFunction + ">";
  }
  C.InHeader = definitionFile(FD, SM) != SM.getMainFileID();

  // Names the body refers to: a frame member must not hide them.
  struct RefCollector {
    static void run(const Stmt *S, llvm::DenseSet<const NamedDecl *> &Out) {
      if (!S)
        return;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
        Out.insert(DRE->getDecl());
      for (const Stmt *Child : S->children())
        run(Child, Out);
    }
  };
  RefCollector::run(Body->getBody(), Referenced);
  UsedNames.insert("this");

  unsigned Index = 0;
  for (const ParmVarDecl *P : FD->parameters()) {
    // An unnamed parameter is named where its name would be written (the
    // function passes it to the frame); a macro's text cannot be edited.
    if (P->getName().empty() && (P->getLocation().isInvalid() || P->getLocation().isMacroID())) {
      error(P->getLocation().isValid() ? P->getLocation() : FD->getLocation(), Diag::UnnamedParameter);
      continue;
    }
    FrameObject O;
    O.K = FrameObject::Kind::Parameter;
    O.Name = P->getName().empty() ? uniqueName("coflat_arg" + std::to_string(Index)) : P->getName().str();
    O.Type = P->getType();
    O.TypeName = frameTypeName(P->getType(), Ctx);
    if (P == C.Pack) {
      C.PackPattern = frameTypeName(P->getType()->castAs<PackExpansionType>()->getPattern(), Ctx);
      O.TypeName = "coflat::detail::parameter_pack<" + C.PackPattern + "...>";
    }
    O.Var = P;
    O.Loc = P->getLocation();
    UsedNames.insert(O.Name);
    C.Objects.push_back(O);
    ++Index;
  }

  collectPoints(Body->getBody());
  std::stable_sort(C.Points.begin(), C.Points.end(), [&](const SuspendPoint &A, const SuspendPoint &B) {
    return offset(A.E->getBeginLoc()) < offset(B.E->getBeginLoc());
  });
  for (unsigned I = 0; I < C.Points.size(); ++I) {
    C.Points[I].Id = I + 1;
    PointId[C.Points[I].E] = I + 1;
  }
  FullExprLive.resize(C.Points.size());
  for (const SuspendPoint &P : C.Points)
    if (P.K == SuspendPoint::Kind::Await && C.Kind == CoroutineKind::Generator)
      error(P.E->getBeginLoc(), Diag::AwaitInGenerator);
  if (Failed)
    return std::nullopt;

  unsigned Root = newRegion(Region::Kind::Body, nullptr, -1);
  walk(Body->getBody(), Root);
  planLambdas(Body->getBody());
  finishPoints();
  assignSlots();
  checkMacroBodies(Body->getBody());
  checkPackInTypes(Body->getBody());
  if (Failed)
    return std::nullopt;
  C.Layout = layoutFrame(C, Ctx);
  return std::move(C);
}

std::optional<Coroutine> analyzeCoroutine(const FunctionDecl *FD, CoroutineKind K,
                                          StringRef FrameName, ASTContext &Ctx) {
  return Analyzer(FD, K, FrameName, Ctx).run();
}

} // namespace coflat
