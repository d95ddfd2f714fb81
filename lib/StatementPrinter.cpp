//===- StatementPrinter.cpp - The body as the frame's resume() runs it -----===//
//
// Reads the plan and prints; it decides nothing.  Every statement is the
// user's text except the nodes the plan rewrites (Coroutine::rewrites*),
// whose lowering replaces them through the SourceRewriter.
//
//===----------------------------------------------------------------------===//
#include "StatementPrinter.h"

#include "llvm/ADT/DenseSet.h"

#include <algorithm>

using namespace clang;

namespace coflat {
namespace {

class StatementPrinter {
public:
  /// InType: printing an expression that names a type (decltype): its
  /// value is not computed, so nothing is spilled, materialised or held,
  /// and only a resumed suspension is replaced (by what it evaluates to).
  StatementPrinter(const Coroutine &C, const SourceRewriter &Src, bool InType = false)
      : C(C), Src(Src), InType(InType) {}

  std::string body() {
    return stmt(cast<CoroutineBodyStmt>(C.F->getBody())->getBody());
  }

  /// For each closure the frame keeps: a factory that makes it with the
  /// user's lambda, and its type, declared before any jump in the resume
  /// function.
  std::string closureTypes() {
    std::string Out;
    for (unsigned O = 0; O < C.Objects.size(); ++O)
      if (const LambdaExpr *L = C.Objects[O].Closure) {
        const std::string &Name = C.Objects[O].Name;
        Out += Src.lineDirective(L->getBeginLoc()) + "  auto coflat_make_" + Name + " = [&] { return " + lambda(L) +
               "; };\n  using " + typeOf(O) + " = decltype(coflat_make_" + Name + "());\n";
      }
    return Out;
  }

  /// E's text with its lowered parts replaced; with Replaced false, E's own
  /// replacement is not applied (the step that computes it).
  std::string expr(const Expr *E, bool Replaced = true);

private:
  /// Within's text, with the nodes the plan rewrites in it replaced: as
  /// expressions, or as statements.
  std::string exprText(const Stmt *Root, Span Within);
  std::string stmtText(const Stmt *Root, Span Within);

  // --- statements ---
  std::string stmt(const Stmt *S);
  std::string subStmt(const Stmt *S);
  static bool endsBeforeSemicolon(const Stmt *S);
  std::string compound(const CompoundStmt *CS, bool InSwitch);
  std::string declStmt(const DeclStmt *DS);
  std::string forStmt(const ForStmt *F);
  std::string rangeFor(const CXXForRangeStmt *RF);
  std::string whileStmt(const WhileStmt *W);
  std::string doStmt(const DoStmt *D);
  std::string ifStmt(const IfStmt *If);
  std::string switchStmt(const SwitchStmt *Sw);
  /// An if's or switch's init-statement and condition variable appended to
  /// Out, and the condition's value (computed into Out where it suspends).
  std::string headOf(const Stmt *Init, const VarDecl *V, const Expr *Cond, std::string &Out);
  std::string tryStmt(const CXXTryStmt *T);
  std::string coreturn(const CoreturnStmt *R);

  // --- regions ---
  std::string entryLabel(unsigned R) const;
  std::string guard(unsigned R) const;
  std::string dispatch(unsigned R, unsigned Within) const;
  /// R's guard and dispatch, where its block (or statement) begins.
  std::string opening(unsigned R) const;
  int regionOf(const Stmt *S) const { return C.regionOf(S); }

  // --- expressions ---
  std::string replacement(const Expr *E, const Replacement &Rep);
  std::string objectRef(unsigned O) const;
  std::string lambda(const LambdaExpr *L);
  /// A variable or structured binding named in the body.
  std::string valueRef(const ValueDecl *D);
  std::string binding(const BindingDecl *B);
  std::string bindingExpr(const Expr *E);
  /// The holding variables of a tuple-like decomposition, initialised.
  std::string holdingVars(const DecompositionDecl *D);
  /// The object's type where the body names it: a template's type named
  /// from an expression is the member's declared type.
  std::string typeOf(unsigned O) const;
  std::string construct(unsigned O, const std::string &Args);
  /// Within an expression: constructs frame object O from Init, marks it
  /// alive, and gives Value.
  std::string constructInExpression(unsigned O, const std::string &Init, const std::string &Value);
  std::string markLive(unsigned O) const;
  std::string steps(const std::vector<ExprStep> &Steps);
  std::string splitExpr(const Expr *E, const std::string &Tail);
  std::string hoistedInit(const VarDecl *V, unsigned O);
  /// `T x = Value;` for an object whose declaration copy-initialises it.
  std::string initFrom(unsigned O, const std::string &Value);
  std::string declare(const VarDecl *V);

  const Coroutine &C;
  const SourceRewriter &Src;
  bool InType;
  llvm::DenseSet<const Stmt *> UsedContinue; // loops whose continue label is used
};

std::string StatementPrinter::exprText(const Stmt *Root, Span Within) {
  return Src.rewrite(
      Root, Within, [&](const Stmt *S) { return C.rewritesExpression(S); },
      [&](const Stmt *S) { return SourceRewriter::Printed{expr(cast<Expr>(S))}; });
}

std::string StatementPrinter::stmtText(const Stmt *Root, Span Within) {
  return Src.rewrite(
      Root, Within, [&](const Stmt *S) { return C.rewritesStatement(S); },
      [&](const Stmt *S) {
        bool Owns = isa<Expr>(S) ? C.Splits.count(cast<Expr>(S)) != 0 : endsBeforeSemicolon(S);
        return SourceRewriter::Printed{stmt(S), Owns};
      });
}

// --- regions ---

std::string StatementPrinter::entryLabel(unsigned R) const {
  return C.Regions[R].isBarrier() ? "coflat_enter_" + std::to_string(R) + ": " : "";
}

std::string StatementPrinter::guard(unsigned R) const {
  if (!C.Regions[R].guarded())
    return "";
  return " coflat::detail::scope_guard<" + C.FrameName + "> coflat_guard" + std::to_string(R) +
         "(this, " + std::to_string(R) + ");";
}

std::string StatementPrinter::dispatch(unsigned R, unsigned Within) const {
  // Resuming: jump from this barrier to the next barrier on the way to the
  // suspension point, or to the point itself; only to points inside
  // Within (a barrier body's, where its parent's labels may not be seen).
  auto Inside = [&](const SuspendPoint &P) {
    for (int Reg = P.Region; Reg >= 0; Reg = C.Regions[Reg].Parent)
      if (unsigned(Reg) == Within)
        return true;
    return false;
  };
  std::string Cases;
  for (const SuspendPoint &P : C.Points) {
    auto It = std::find(P.Barriers.begin(), P.Barriers.end(), R);
    if (It == P.Barriers.end() || !Inside(P))
      continue;
    ++It;
    std::string Target = It == P.Barriers.end() ? "coflat_resume_" + std::to_string(P.Id)
                                                : "coflat_enter_" + std::to_string(*It);
    Cases += " case " + std::to_string(P.Id) + ": goto " + Target + ";";
  }
  if (Cases.empty())
    return "";
  return " switch (coflat_state) {" + Cases + " default: break; }";
}

std::string StatementPrinter::opening(unsigned R) const {
  const Region &Reg = C.Regions[R];
  return guard(R) + dispatch(Reg.BarrierBody ? Reg.Parent : R, R);
}

// --- frame objects ---

std::string StatementPrinter::typeOf(unsigned O) const {
  const FrameObject &Obj = C.Objects[O];
  if (Obj.Closure)
    return "coflat_closure_" + Obj.Name;
  return Obj.FromExpression ? "decltype(" + Obj.Name + ")" : Obj.TypeName;
}

std::string StatementPrinter::objectRef(unsigned O) const {
  const FrameObject &Obj = C.Objects[O];
  if (Obj.Held)
    return Obj.Name + (Obj.K == FrameObject::Kind::Hidden ? ".ref()" : ".get()");
  if (Obj.Closure)
    return "coflat::detail::closure_ref<" + typeOf(O) + ">(" + Obj.Name + ")";
  if (!Obj.ViaPointer)
    return Obj.Name;
  if (Obj.IsXValue)
    return "std::move(*" + Obj.Name + ")";
  return "(*" + Obj.Name + ")";
}

std::string StatementPrinter::lambda(const LambdaExpr *L) {
  // The user's text, with each capture of a frame variable an init-capture
  // of its member and each init-capture's initializer printed; the body is
  // another function's and stays as written.
  struct Edit {
    unsigned B, E;
    std::string Text;
  };
  std::vector<Edit> Edits;
  std::string Implicit;
  static const std::vector<FrameCapture> None;
  auto Planned = C.FrameCaptures.find(L);
  for (const FrameCapture &Cap : Planned == C.FrameCaptures.end() ? None : Planned->second) {
    std::string Name = Cap.Var->getName().str();
    std::string Init = Name + " = " + valueRef(Cap.Var);
    if (Cap.Implicit) {
      Implicit += std::string(", ") + (Cap.ByRef ? "&" : "") + Init;
      continue;
    }
    Span At = Src.span(SourceRange(Cap.NameLoc, Cap.NameLoc));
    Edits.push_back({At.B, At.E, Init});
  }
  if (!Implicit.empty()) {
    unsigned At = Src.endOfToken(L->getCaptureDefaultLoc());
    Edits.push_back({At, At, Implicit});
  }
  for (const LambdaCapture &Cap : L->explicit_captures())
    if (const auto *V = dyn_cast_or_null<VarDecl>(Cap.capturesVariable() ? Cap.getCapturedVar() : nullptr);
        V && V->isInitCapture() && V->getInit()) {
      Span At = Src.span(V->getInit());
      Edits.push_back({At.B, At.E, expr(V->getInit())});
    }
  std::sort(Edits.begin(), Edits.end(), [](const Edit &A, const Edit &B) { return A.B < B.B; });
  Span Whole = Src.span(L);
  std::string Out;
  unsigned Pos = Whole.B;
  for (const Edit &Ed : Edits) {
    Out += Src.buffer().substr(Pos, Ed.B - Pos).str() + Ed.Text;
    Pos = Ed.E;
  }
  return Out + Src.buffer().substr(Pos, Whole.E - Pos).str();
}

std::string StatementPrinter::valueRef(const ValueDecl *D) {
  if (const auto *B = dyn_cast<BindingDecl>(D))
    return binding(B);
  auto H = C.Hoisted.find(dyn_cast<VarDecl>(D));
  return H != C.Hoisted.end() ? objectRef(H->second) : D->getName().str();
}

std::string StatementPrinter::binding(const BindingDecl *B) {
  if (const VarDecl *Holding = B->getHoldingVar())
    return objectRef(C.Hoisted.find(Holding)->second);
  return bindingExpr(B->getBinding());
}

std::string StatementPrinter::bindingExpr(const Expr *E) {
  // A member or an element of the decomposed object, as Clang bound it.
  E = E->IgnoreImpCasts();
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return bindingExpr(M->getBase()) + "." + M->getMemberDecl()->getName().str();
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E))
    return bindingExpr(A->getBase()) + "[" +
           std::to_string(cast<IntegerLiteral>(A->getIdx()->IgnoreImpCasts())->getValue().getZExtValue()) + "]";
  return valueRef(cast<DeclRefExpr>(E)->getDecl());
}

std::string StatementPrinter::holdingVars(const DecompositionDecl *D) {
  std::string Out;
  for (const BindingDecl *B : D->bindings()) {
    const VarDecl *Holding = B->getHoldingVar();
    if (!Holding)
      continue;
    unsigned O = C.Hoisted.find(Holding)->second;
    const FrameObject &Obj = C.Objects[O];
    // [dcl.struct.bind]/4: get<i> of the object, an lvalue if the
    // declaration is an lvalue reference, else an xvalue.
    std::string Whole = objectRef(unsigned(Obj.Decomposed));
    if (!D->getType()->isLValueReferenceType())
      Whole = "std::move(" + Whole + ")";
    std::string Index = std::to_string(Obj.GetIndex);
    Out += initFrom(O, Obj.MemberGet ? Whole + ".get<" + Index + ">()"
                                     : "coflat::detail::get_element<" + Index + ">(" + Whole + ")");
  }
  return Out;
}

std::string StatementPrinter::markLive(unsigned O) const {
  const FrameObject &Obj = C.Objects[O];
  if (!Obj.needsDestroy())
    return "";
  return " coflat_live_" + Obj.Name + " = true;";
}

std::string StatementPrinter::construct(unsigned O, const std::string &Args) {
  // Args is the parenthesised or braced initialiser, or empty for
  // default-initialisation.
  const FrameObject &Obj = C.Objects[O];
  std::string Out;
  if (C.HasLabels && Obj.needsDestroy()) // a backward goto may re-run it
    Out += " coflat_unwind(" + std::to_string(Obj.Region) + ", " + std::to_string(Obj.DestroyIndex) + ");";
  if (Obj.ViaPointer)
    Out += " " + Obj.Name + " = coflat::detail::address_of" + Args + ";";
  else if (Obj.Closure)
    Out += " coflat::detail::emplace_closure<" + typeOf(O) + ">(" + Obj.Name + ", coflat_make_" + Obj.Name + ");";
  else
    Out += " ::new (coflat::detail::addr(" + Obj.Name + ")) " + typeOf(O) + Args + ";";
  return Out + markLive(O);
}

std::string StatementPrinter::constructInExpression(unsigned O, const std::string &Init,
                                                    const std::string &Value) {
  std::string Live = markLive(O);
  if (!Live.empty())
    Live = Live.substr(1, Live.size() - 2) + ", "; // " x = n;" -> "x = n, "
  return "(::new (coflat::detail::addr(" + C.Objects[O].Name + ")) " + typeOf(O) + Init + ", " + Live + Value + ")";
}

std::string StatementPrinter::replacement(const Expr *E, const Replacement &Rep) {
  switch (Rep.K) {
  case Replacement::Kind::Object:
    return objectRef(Rep.Index);
  case Replacement::Kind::Resume:
    return "coflat_aw" + std::to_string(Rep.Index) + ".await_resume()";
  case Replacement::Kind::MaterializeInFrame: {
    const auto *MTE = cast<MaterializeTemporaryExpr>(E);
    std::string Init = expr(MTE->getSubExpr());
    if (!MTE->getType()->isArrayType())
      Init = "(" + Init + ")";
    else if (!StringRef(Init).ltrim().starts_with("{"))
      Init = "{" + Init + "}"; // arrays take braces in C++17
    return constructInExpression(Rep.Index, Init, "std::move(" + C.Objects[Rep.Index].Name + ")");
  }
  case Replacement::Kind::HoldInFrame:
    return constructInExpression(Rep.Index, "{" + expr(E, /*Replaced=*/false) + "}", objectRef(Rep.Index));
  }
  llvm_unreachable("unknown replacement");
}

std::string StatementPrinter::expr(const Expr *E, bool Replaced) {
  auto It = C.Replacements.find(E);
  if (Replaced && It != C.Replacements.end() && (!InType || It->second.K == Replacement::Kind::Resume))
    return replacement(E, It->second);
  // In a member function, `this` is the object the frame keeps.
  if (isa<CXXThisExpr>(E) && !C.SelfType.empty())
    return "coflat_self";
  if (const auto *L = dyn_cast<LambdaExpr>(E); L && C.FrameCaptures.count(L))
    return lambda(L);
  if (C.isImplicitThisMember(E))
    return "coflat_self->" + exprText(E, Src.span(E));
  if (C.namesPack(E))
    return isa<SizeOfPackExpr>(E) ? "sizeof...(coflat_i)"
                                  : "coflat::detail::pack_get<coflat_i>(" + C.Pack->getName().str() + ")";
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl()))
      return binding(B);
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto H = C.Hoisted.find(V);
      if (H != C.Hoisted.end())
        return objectRef(H->second);
    }
  }
  if (E->getBeginLoc().isInvalid())
    return "";
  return exprText(E, Src.span(E));
}

std::string StatementPrinter::steps(const std::vector<ExprStep> &Steps) {
  std::string Out;
  for (const ExprStep &S : Steps) {
    switch (S.K) {
    case ExprStep::Kind::Eval: {
      // The step that computes an object prints the expression itself, not
      // the object it is replaced by.
      auto Rep = C.Replacements.find(S.E);
      bool Self = Rep != C.Replacements.end() && Rep->second.K == Replacement::Kind::Object &&
                  int(Rep->second.Index) == S.Object;
      std::string Value = Self && S.Inner ? replacement(S.E, *S.Inner) : expr(S.E, /*Replaced=*/!Self);
      if (S.Object < 0) {
        Out += " " + Value + ";";
        break;
      }
      const FrameObject &Obj = C.Objects[S.Object];
      if (Obj.ViaPointer)
        Out += " " + Obj.Name + " = coflat::detail::address_of(" + Value + ");";
      else if (Obj.Held)
        Out += construct(S.Object, "{" + Value + "}");
      else if (Obj.K == FrameObject::Kind::Condition)
        Out += " " + Obj.Name + " = static_cast<" + Obj.TypeName + ">(" + Value + ");"; // bool, or a switch's type
      else
        Out += " " + Obj.Name + " = " + Value + ";";
      break;
    }
    case ExprStep::Kind::Suspend: {
      const SuspendPoint &P = C.Points[S.Point - 1];
      std::string Id = std::to_string(P.Id);
      std::string Aw = "coflat_aw" + Id;
      // The frame calls what the runtime's promise would: yield_value or
      // await_transform, both members of the state class.
      const char *Transform = P.K == SuspendPoint::Kind::Yield ? "coflat_yield_value" : "coflat_await";
      Out += construct(P.Awaiter, std::string("(this->") + Transform + "(" + expr(operandOf(P.E)) + "))");
      std::string Suspend = Aw + ".await_suspend(coflat::detail::frame_handle(this))";
      // A bool await_suspend that returns false resumes at once.
      if (P.Dependent)
        Suspend = "if (coflat::detail::suspends(" + Aw + ", coflat::detail::frame_handle(this))) return;";
      else if (cast<CoroutineSuspendExpr>(P.E)->getSuspendExpr()->getType()->isBooleanType())
        Suspend = "if (" + Suspend + ") return;";
      else
        Suspend += "; return;";
      Out += " if (!" + Aw + ".await_ready()) { coflat_state = " + Id + "; " + Suspend + " } coflat_resume_" + Id +
             ": coflat_state = coflat::detail::state_running;";
      break;
    }
    case ExprStep::Kind::Check:
    case ExprStep::Kind::CheckArgument: {
      bool Arg = S.K == ExprStep::Kind::CheckArgument;
      // An expression of a pack expansion is checked for every element.
      const Expr *E = S.E;
      if (const auto *Expansion = dyn_cast<PackExpansionExpr>(E))
        E = Expansion->getPattern();
      std::string Test = std::string("coflat::detail::") + (Arg ? "unobserved_argument_v" : "unobserved_temporary_v") +
                         "<decltype((" + StatementPrinter(C, Src, /*InType=*/true).expr(E) + "))>";
      if (E->containsUnexpandedParameterPack())
        Test = "(" + Test + " && ...)";
      Out += " static_assert(" + Test + ", \"coflat: this " + (Arg ? "argument's parameter" : "temporary") +
             " would be destroyed before the suspension instead of after it; compute it in a "
             "statement of its own\");";
      break;
    }
    case ExprStep::Kind::CheckSpill:
      Out += " static_assert(coflat::detail::spillable_v<decltype((" +
             StatementPrinter(C, Src, /*InType=*/true).expr(S.E) +
             "))>, \"coflat: a class-type value is computed before a suspension point in the same expression "
             "and would need an extra move; store it in a variable first\");";
      break;
    case ExprStep::Kind::If: {
      Out += std::string(" if (") + (S.Negate ? "!" : "") + C.Objects[S.Object].Name + ") {" +
             steps(S.Then) + " }";
      if (!S.Else.empty())
        Out += " else {" + steps(S.Else) + " }";
      break;
    }
    }
  }
  return Out;
}

std::string StatementPrinter::splitExpr(const Expr *E, const std::string &Tail) {
  const SplitExpr &Split = C.Splits.find(E)->second;
  unsigned R = Split.Region;
  return entryLabel(R) + "{" + opening(R) + steps(Split.Steps) + Tail + " }";
}

// --- statements ---

std::string StatementPrinter::stmt(const Stmt *S) {
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (C.Splits.count(E))
      return splitExpr(E, " " + expr(E) + ";");
    return expr(E);
  }
  if (!C.rewritesStatement(S))
    return stmtText(S, Src.span(S));
  switch (S->getStmtClass()) {
  case Stmt::CompoundStmtClass:
    return compound(cast<CompoundStmt>(S), false);
  case Stmt::DeclStmtClass:
    return declStmt(cast<DeclStmt>(S));
  case Stmt::ForStmtClass:
    return forStmt(cast<ForStmt>(S));
  case Stmt::CXXForRangeStmtClass:
    return rangeFor(cast<CXXForRangeStmt>(S));
  case Stmt::WhileStmtClass:
    return whileStmt(cast<WhileStmt>(S));
  case Stmt::DoStmtClass:
    return doStmt(cast<DoStmt>(S));
  case Stmt::IfStmtClass:
    return ifStmt(cast<IfStmt>(S));
  case Stmt::SwitchStmtClass:
    return switchStmt(cast<SwitchStmt>(S));
  case Stmt::CXXTryStmtClass:
    return tryStmt(cast<CXXTryStmt>(S));
  case Stmt::CoreturnStmtClass:
    return coreturn(cast<CoreturnStmt>(S));
  case Stmt::ContinueStmtClass: {
    const Stmt *Loop = C.ContinueTarget.find(cast<ContinueStmt>(S))->second;
    UsedContinue.insert(Loop);
    return "goto coflat_continue_" + std::to_string(C.ContinueLabel.find(Loop)->second) + ";";
  }
  default:
    return stmtText(S, Src.span(S));
  }
}

// Whether S's source range stops before a ';' that ends it: an expression
// statement, break, goto, ..., or a statement whose last sub-statement is one.
bool StatementPrinter::endsBeforeSemicolon(const Stmt *S) {
  if (isa<Expr>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) || isa<GotoStmt>(S) ||
      isa<DoStmt>(S) || isa<CoreturnStmt>(S) || isa<ReturnStmt>(S))
    return true;
  const Stmt *Last = nullptr;
  if (const auto *F = dyn_cast<ForStmt>(S))
    Last = F->getBody();
  else if (const auto *RF = dyn_cast<CXXForRangeStmt>(S))
    Last = RF->getBody();
  else if (const auto *W = dyn_cast<WhileStmt>(S))
    Last = W->getBody();
  else if (const auto *If = dyn_cast<IfStmt>(S))
    Last = If->getElse() ? If->getElse() : If->getThen();
  else if (const auto *Sw = dyn_cast<SwitchStmt>(S))
    Last = Sw->getBody();
  else if (const auto *L = dyn_cast<LabelStmt>(S))
    Last = L->getSubStmt();
  else if (const auto *SC = dyn_cast<SwitchCase>(S))
    Last = SC->getSubStmt();
  else if (const auto *A = dyn_cast<AttributedStmt>(S))
    Last = A->getSubStmt();
  return Last && endsBeforeSemicolon(Last);
}

// A statement printed on its own, as a loop body or a branch, with its ';'.
std::string StatementPrinter::subStmt(const Stmt *S) {
  std::string Out = stmt(S);
  bool Rewritten = isa<Expr>(S) ? C.Splits.count(cast<Expr>(S)) != 0 : C.rewritesStatement(S);
  return !Rewritten && endsBeforeSemicolon(S) ? Out + ";" : Out;
}

std::string StatementPrinter::compound(const CompoundStmt *CS, bool InSwitch) {
  Span SP = Src.span(CS);
  int R = regionOf(CS);
  std::string Open;
  std::string Label;
  if (R >= 0 && !InSwitch) {
    const Region &Reg = C.Regions[R];
    Open = opening(R);
    if (!Reg.BarrierBody)
      Label = entryLabel(R);
  }
  Span Inner{SP.B + 1, SP.E - 1};
  return Label + "{" + Open + stmtText(CS, Inner) + "}";
}

std::string StatementPrinter::hoistedInit(const VarDecl *V, unsigned O) {
  const FrameObject &Obj = C.Objects[O];
  const Expr *Init = V->getInit();
  if (Obj.ViaPointer)
    return initFrom(O, expr(Init));
  if (Obj.Closure) // made by its factory (closureTypes)
    return construct(O, "");
  switch (Obj.Init) {
  case InitForm::Default:
    return construct(O, "");
  case InitForm::Written: {
    // The initialiser's text after the name, "(args)" or "{args}".  Only a
    // constructor call records its parentheses: `int a(3)` ends at the 3 in
    // the AST, and its `)` is the next token.
    Span Within{Src.endOfToken(V->getLocation()), Src.span(V->getSourceRange()).E};
    const auto *Ctor = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
    bool Recorded = Ctor && !isa<CXXTemporaryObjectExpr>(Ctor) && Ctor->getParenOrBraceRange().isValid();
    if (V->getInitStyle() == VarDecl::CallInit && !Recorded)
      if (std::optional<unsigned> Paren = Src.closingParenAfter(V->getEndLoc()))
        Within.E = *Paren;
    return construct(O, StringRef(exprText(Init, Within)).trim().str());
  }
  case InitForm::Braced: {
    std::string Text = expr(Init);
    // char s[] = "...": C++17 takes braces around it in a new-expression.
    return construct(O, StringRef(Text).ltrim().starts_with("{") ? Text : "{" + Text + "}");
  }
  case InitForm::Direct:
  case InitForm::Copy:
    return initFrom(O, expr(Init));
  }
  llvm_unreachable("unknown initialisation form");
}

std::string StatementPrinter::initFrom(unsigned O, const std::string &Value) {
  const FrameObject &Obj = C.Objects[O];
  if (Obj.ViaPointer || Obj.Init != InitForm::Copy)
    return construct(O, "(" + Value + ")");
  // A return statement copy-initialises its result object, which is the
  // frame's object itself (guaranteed copy elision).
  return construct(O, "([&]() -> " + typeOf(O) + " { return " + Value + "; }())");
}

std::string StatementPrinter::declStmt(const DeclStmt *DS) {
  std::string Out = "{";
  for (const Decl *D : DS->decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V)
      continue;
    assert(C.Hoisted.count(V) && "a declaration's declarators are hoisted together");
    Out += declare(V);
  }
  return Out + " }";
}

std::string StatementPrinter::forStmt(const ForStmt *F) {
  int R = regionOf(F);
  std::string Out = (R >= 0 ? entryLabel(R) : "") + "{" + (R >= 0 ? opening(R) : "");
  if (F->getInit())
    Out += " " + subStmt(F->getInit());
  auto Cont = C.ContinueLabel.find(F);
  if (Cont == C.ContinueLabel.end()) {
    // Only the init changed: keep the loop's own text after it.
    Span SP = Src.span(F);
    Span Head = Src.span(SourceRange(F->getBeginLoc(), F->getInit() ? F->getInit()->getEndLoc() : F->getLParenLoc()));
    std::string Rest = stmtText(F, {Head.E, SP.E});
    if (F->getInit() && !isa<DeclStmt>(F->getInit()) && StringRef(Rest).ltrim().starts_with(";"))
      Rest = StringRef(Rest).ltrim().drop_front().str(); // expression init kept its ';' above
    if (endsBeforeSemicolon(F->getBody()) && !(isa<Expr>(F->getBody()) && C.Splits.count(cast<Expr>(F->getBody()))))
      Rest += ";"; // the body's ';' lies after the loop's range
    return Out + " for (;" + Rest + " }";
  }
  std::string Label = "coflat_continue_" + std::to_string(Cont->second);
  std::string CondPart;
  if (const Expr *Cond = F->getCond()) {
    if (C.Splits.count(Cond)) {
      const SplitExpr &Split = C.Splits.find(Cond)->second;
      CondPart = " " + splitExpr(Cond, "") + " if (!" + C.Objects[Split.Result].Name + ") break;";
    } else {
      CondPart = " if (!(" + expr(Cond) + ")) break;";
    }
  }
  std::string Body = subStmt(F->getBody());
  std::string Inc;
  if (const Expr *I = F->getInc())
    Inc = C.Splits.count(I) ? " " + splitExpr(I, " " + expr(I) + ";") : " " + expr(I) + ";";
  std::string ContLabel = UsedContinue.count(F) ? " " + Label + ":;" : "";
  return Out + " for (;;) {" + CondPart + " " + Body + ContLabel + Inc + " } }";
}

std::string StatementPrinter::rangeFor(const CXXForRangeStmt *RF) {
  unsigned L = regionOf(RF);
  const RangeForPlan &Plan = C.RangeFors.find(RF)->second;
  unsigned Range = Plan.Range, Begin = Plan.Begin, End = Plan.End;
  std::string Out = entryLabel(L) + "{" + opening(L);
  if (RF->getInit())
    Out += " " + subStmt(RF->getInit());
  const FrameObject &RangeObj = C.Objects[Range];
  std::string RangeInit = expr(RangeObj.Origin);
  Out += construct(Range, Plan.BracedList ? RangeInit : RangeObj.Held ? "{" + RangeInit + "}" : "(" + RangeInit + ")");
  std::string RangeRef = objectRef(Range);
  std::string B, E;
  switch (Plan.How) {
  case RangeForPlan::Bounds::Array:
    B = RangeRef;
    E = RangeRef + " + " + std::to_string(Plan.ArraySize);
    break;
  case RangeForPlan::Bounds::Member:
    B = RangeRef + ".begin()";
    E = RangeRef + ".end()";
    break;
  case RangeForPlan::Bounds::ADL:
    B = "begin(" + RangeRef + ")";
    E = "end(" + RangeRef + ")";
    break;
  case RangeForPlan::Bounds::Generic:
    B = "coflat::detail::range_begin(" + RangeRef + ")";
    E = "coflat::detail::range_end(" + RangeRef + ")";
    break;
  }
  Out += construct(Begin, "(" + B + ")") + construct(End, "(" + E + ")");
  std::string BeginName = C.Objects[Begin].Name, EndName = C.Objects[End].Name;
  int Iter = regionOf(RF->getLoopVarStmt());
  unsigned Var = C.Hoisted.find(RF->getLoopVariable())->second;
  Out += " for (; " + BeginName + " != " + EndName + "; ++" + BeginName + ") " + entryLabel(Iter) + "{" +
         opening(Iter) + initFrom(Var, "*" + BeginName);
  if (const auto *D = dyn_cast<DecompositionDecl>(RF->getLoopVariable()))
    Out += holdingVars(D);
  Out += " " + subStmt(RF->getBody()) + " }";
  return Out + " }";
}

std::string StatementPrinter::declare(const VarDecl *V) {
  unsigned O = C.Hoisted.find(V)->second;
  std::string Init = hoistedInit(V, O);
  if (const auto *D = dyn_cast<DecompositionDecl>(V))
    Init += holdingVars(D);
  if (V->getInit() && C.Splits.count(V->getInit()))
    return " " + splitExpr(V->getInit(), Init);
  return Init;
}

std::string StatementPrinter::whileStmt(const WhileStmt *W) {
  if (const VarDecl *V = W->getConditionVariable(); V && C.Hoisted.count(V)) {
    unsigned Iter = regionOf(W);
    return "for (;;) " + entryLabel(Iter) + "{" + opening(Iter) + declare(V) +
           " if (!static_cast<bool>(" + objectRef(C.Hoisted.find(V)->second) + ")) break; " +
           subStmt(W->getBody()) + " }";
  }
  const SplitExpr &Split = C.Splits.find(W->getCond())->second;
  return "for (;;) { " + splitExpr(W->getCond(), "") + " if (!" +
         C.Objects[Split.Result].Name + ") break; " + subStmt(W->getBody()) + " }";
}

std::string StatementPrinter::doStmt(const DoStmt *D) {
  const SplitExpr &Split = C.Splits.find(D->getCond())->second;
  std::string Body = subStmt(D->getBody());
  std::string Label = UsedContinue.count(D)
                          ? " coflat_continue_" + std::to_string(C.ContinueLabel.find(D)->second) + ":;"
                          : "";
  return "for (;;) { " + Body + Label + " " + splitExpr(D->getCond(), "") + " if (!" +
         C.Objects[Split.Result].Name + ") break; }";
}

std::string StatementPrinter::headOf(const Stmt *Init, const VarDecl *V, const Expr *Cond, std::string &Out) {
  if (Init)
    Out += " " + subStmt(Init);
  if (V) {
    Out += declare(V);
    return objectRef(C.Hoisted.find(V)->second);
  }
  auto Split = C.Splits.find(Cond);
  if (Split == C.Splits.end())
    return expr(Cond);
  Out += " " + splitExpr(Cond, "");
  return C.Objects[Split->second.Result].Name;
}

std::string StatementPrinter::ifStmt(const IfStmt *If) {
  int R = regionOf(If);
  if (R >= 0 && C.Regions[R].K == Region::Kind::ConstexprIf) {
    // Entered at its label, each suspending branch dispatches itself.
    auto Branch = [&](const Stmt *B) {
      auto It = C.UnbracedBranch.find(B);
      return It == C.UnbracedBranch.end() ? subStmt(B) : "{" + opening(It->second) + " " + subStmt(B) + " }";
    };
    std::string Out = entryLabel(R) + "{ if constexpr (" + expr(If->getCond()) + ") " + Branch(If->getThen());
    if (If->getElse())
      Out += " else " + Branch(If->getElse());
    return Out + " }";
  }
  std::string Out = R >= 0 ? entryLabel(R) + "{" + opening(R) : "{";
  std::string Cond = headOf(If->getInit(), If->getConditionVariable(), If->getCond(), Out);
  if (If->getConditionVariable())
    Cond = "static_cast<bool>(" + Cond + ")";
  Out += std::string(" if ") + (If->isConstexpr() ? "constexpr " : "") + "(" + Cond + ") " +
         subStmt(If->getThen());
  if (If->getElse())
    Out += " else " + subStmt(If->getElse());
  return Out + " }";
}

std::string StatementPrinter::switchStmt(const SwitchStmt *Sw) {
  const auto *Body = cast<CompoundStmt>(Sw->getBody());
  int R = regionOf(Body);
  int Scope = regionOf(Sw);
  if (Scope < 0) {
    Span Head = Src.span(SourceRange(Sw->getBeginLoc(), Sw->getRParenLoc()));
    return entryLabel(R) + "{" + opening(R) + " " + stmtText(Sw, Head) + " " +
           compound(Body, /*InSwitch=*/true) + " }";
  }
  // `{ init; T x = cond; switch (x) { ... } }`, as for an if statement.
  std::string Out = entryLabel(Scope) + "{" + opening(Scope);
  std::string Cond = headOf(Sw->getInit(), Sw->getConditionVariable(), Sw->getCond(), Out);
  std::string Switch = " switch (" + Cond + ") ";
  if (R < 0)
    return Out + Switch + stmt(Body) + " }";
  return Out + " " + entryLabel(R) + "{" + opening(R) + Switch + compound(Body, /*InSwitch=*/true) + " } }";
}

std::string StatementPrinter::tryStmt(const CXXTryStmt *T) {
  unsigned R = regionOf(T);
  return entryLabel(R) + stmtText(T, Src.span(T));
}

std::string StatementPrinter::coreturn(const CoreturnStmt *Ret) {
  const Expr *Op = Ret->getOperand();
  if (!Op)
    return "goto coflat_final;";
  bool HasValue = !Op->getType()->isVoidType();
  std::string Value = expr(Op);
  if (C.MovesOperand.count(Ret))
    Value = "std::move(" + Value + ")";
  std::string Tail = HasValue ? " this->coflat_return_value(" + Value + ");" : " " + Value + ";";
  if (C.Splits.count(Op))
    return "{ " + splitExpr(Op, Tail) + " goto coflat_final; }";
  return "{" + Tail + " goto coflat_final; }";
}

} // namespace

std::string printBody(const Coroutine &C, const SourceRewriter &Src) {
  return StatementPrinter(C, Src).body();
}

std::string printClosureTypes(const Coroutine &C, const SourceRewriter &Src) {
  return StatementPrinter(C, Src).closureTypes();
}

std::string printExpression(const Coroutine &C, const SourceRewriter &Src, const Expr *E) {
  return StatementPrinter(C, Src, /*InType=*/true).expr(E);
}

} // namespace coflat
