//===- Emitter.cpp - Writes a coroutine as a frame struct and a switch -----===//
//
// Every statement is printed as its own source text, except that the
// "special" nodes below it (suspending full-expressions, hoisted
// declarations, guarded scopes, co_return, ...) are replaced by their
// lowering.  So the user's text survives wherever nothing had to change.
//
//===----------------------------------------------------------------------===//
#include "Emitter.h"

#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace clang;

namespace coflat {
namespace {

class Emitter {
public:
  Emitter(const Coroutine &C, ASTContext &Ctx, const EmitOptions &Opts)
      : C(C), Ctx(Ctx), SM(Ctx.getSourceManager()), Opts(Opts) {
    Buffer = SM.getBufferData(SM.getMainFileID());
  }

  std::string run();

private:
  struct Span {
    unsigned B = 0, E = 0;
  };

  Span span(const Stmt *S);
  Span span(SourceRange R);
  std::string text(Span S) const { return Buffer.substr(S.B, S.E - S.B).str(); }
  std::string lineDirective(SourceLocation L) const;

  // --- which nodes are rewritten (the model decides) ---
  bool special(const Stmt *S) const { return C.rewritesStatement(S); }
  bool inExpr(const Stmt *S) const { return C.rewritesExpression(S); }
  bool implicitThisMember(const Expr *E) const { return C.isImplicitThisMember(E); }
  void collectSpecial(const Stmt *S, Span Within, bool ExprMode,
                      llvm::SmallVectorImpl<const Stmt *> &Out);
  std::string render(const Stmt *Root, Span Within, bool ExprMode);

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
  std::string tryStmt(const CXXTryStmt *T);
  std::string coreturn(const CoreturnStmt *R);

  // --- regions ---
  std::string entryLabel(unsigned R) const;
  std::string guard(unsigned R) const;
  std::string dispatch(unsigned R) const;
  std::string opening(unsigned R, unsigned DispatchRegion) const;
  int regionOf(const Stmt *S) const { return C.regionOf(S); }

  // --- expressions ---
  /// E's text with its lowered parts replaced; with Replaced false, E's own
  /// replacement is not applied (the step that computes it).
  std::string expr(const Expr *E, bool Replaced = true);
  std::string replacement(const Expr *E, const Replacement &Rep);
  std::string objectRef(unsigned O) const;
  std::string construct(unsigned O, const std::string &Args);
  std::string markLive(unsigned O) const;
  std::string steps(const std::vector<ExprStep> &Steps);
  std::string splitExpr(const Expr *E, const std::string &Tail);
  std::string hoistedInit(const VarDecl *V, unsigned O);
  /// `T x = Value;` for an object whose declaration copy-initialises it.
  std::string initFrom(unsigned O, const std::string &Value);
  std::string declare(const VarDecl *V);

  // --- the frame ---
  std::string frameStruct(const std::string &ResumeBody, const std::string &UnwindBody);
  std::string unwindBody();

  const Coroutine &C;
  ASTContext &Ctx;
  SourceManager &SM;
  const EmitOptions &Opts;
  StringRef Buffer;
  llvm::DenseSet<const Stmt *> UsedContinue; // loops whose continue label is used
  std::string CallArgsText; // the frame constructor's arguments, in the function
};

// Where a node's text lies in the main file: a macro argument's text where
// it is written in the invocation, a macro body's as the whole invocation.
Emitter::Span Emitter::span(SourceRange R) {
  auto FileLoc = [&](SourceLocation L, bool End) {
    if (!L.isMacroID())
      return L;
    if (SM.isMacroArgExpansion(L))
      return SM.getFileLoc(L);
    CharSourceRange Exp = SM.getExpansionRange(L);
    return End ? Exp.getEnd() : Exp.getBegin();
  };
  SourceLocation B = FileLoc(R.getBegin(), false);
  SourceLocation E = FileLoc(R.getEnd(), true);
  unsigned EndLen = Lexer::MeasureTokenLength(E, SM, Ctx.getLangOpts());
  return {SM.getFileOffset(B), SM.getFileOffset(E) + EndLen};
}

Emitter::Span Emitter::span(const Stmt *S) { return span(S->getSourceRange()); }

std::string Emitter::lineDirective(SourceLocation L) const {
  if (!Opts.LineDirectives)
    return "";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  std::string Name;
  for (char Ch : StringRef(P.getFilename())) {
    if (Ch == '\\' || Ch == '"')
      Name += '\\';
    Name += Ch;
  }
  return "#line " + std::to_string(P.getLine()) + " \"" + Name + "\"\n";
}

void Emitter::collectSpecial(const Stmt *S, Span Within, bool ExprMode,
                             llvm::SmallVectorImpl<const Stmt *> &Out) {
  for (const Stmt *Child : S->children()) {
    if (!Child || isa<LambdaExpr>(Child))
      continue;
    bool Is = ExprMode ? inExpr(Child) : special(Child);
    if (Is) {
      // (Text written in a macro's body cannot be rewritten: the analysis
      // refused it.  Text passed as a macro argument is, where it is written.)
      if (Child->getBeginLoc().isInvalid())
        continue;
      Span SS = span(Child);
      if (SS.B >= Within.B && SS.E <= Within.E)
        Out.push_back(Child);
      continue;
    }
    collectSpecial(Child, Within, ExprMode, Out);
  }
}

std::string Emitter::render(const Stmt *Root, Span Within, bool ExprMode) {
  llvm::SmallVector<const Stmt *, 8> Parts;
  collectSpecial(Root, Within, ExprMode, Parts);
  std::stable_sort(Parts.begin(), Parts.end(), [&](const Stmt *A, const Stmt *B) {
    return span(A).B < span(B).B;
  });
  std::string Out;
  unsigned Pos = Within.B;
  for (const Stmt *P : Parts) {
    Span SP = span(P);
    if (SP.B < Pos)
      continue; // nested in a part already printed
    Out += Buffer.substr(Pos, SP.B - Pos);
    Pos = SP.E;
    if (ExprMode) {
      Out += expr(cast<Expr>(P));
      continue;
    }
    Out += stmt(P);
    // A rewritten statement carries its own ';' (or is a block): drop the
    // user's, so that an `else` after it still parses.
    if (isa<Expr>(P) ? C.Splits.count(cast<Expr>(P)) != 0 : endsBeforeSemicolon(P)) {
      size_t Semi = Buffer.find_first_not_of(" \t", Pos);
      if (Semi < Within.E && Buffer[Semi] == ';')
        Pos = Semi + 1;
    }
  }
  Out += Buffer.substr(Pos, Within.E - Pos);
  return Out;
}

// --- regions ---

std::string Emitter::entryLabel(unsigned R) const {
  return C.Regions[R].isBarrier() ? "coflat_enter_" + std::to_string(R) + ": " : "";
}

std::string Emitter::guard(unsigned R) const {
  if (!C.Regions[R].guarded())
    return "";
  return " coflat::detail::scope_guard<" + C.FrameName + "> coflat_guard" + std::to_string(R) +
         "(this, " + std::to_string(R) + ");";
}

std::string Emitter::dispatch(unsigned R) const {
  // Resuming: jump from this barrier to the next barrier on the way to the
  // suspension point, or to the point itself.
  std::string Cases;
  for (const SuspendPoint &P : C.Points) {
    auto It = std::find(P.Barriers.begin(), P.Barriers.end(), R);
    if (It == P.Barriers.end())
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

std::string Emitter::opening(unsigned R, unsigned DispatchRegion) const {
  return guard(R) + dispatch(DispatchRegion);
}

// --- frame objects ---

std::string Emitter::objectRef(unsigned O) const {
  const FrameObject &Obj = C.Objects[O];
  if (!Obj.ViaPointer)
    return Obj.Name;
  if (Obj.IsXValue)
    return "std::move(*" + Obj.Name + ")";
  return "(*" + Obj.Name + ")";
}

std::string Emitter::markLive(unsigned O) const {
  const FrameObject &Obj = C.Objects[O];
  if (!Obj.needsDestroy())
    return "";
  return " coflat_live_" + Obj.Name + " = true;";
}

std::string Emitter::construct(unsigned O, const std::string &Args) {
  // Args is the parenthesised or braced initialiser, or empty for
  // default-initialisation.
  const FrameObject &Obj = C.Objects[O];
  std::string Out;
  if (C.HasLabels && Obj.needsDestroy()) // a backward goto may re-run it
    Out += " coflat_unwind(" + std::to_string(Obj.Region) + ", " + std::to_string(Obj.DestroyIndex) + ");";
  if (Obj.ViaPointer)
    Out += " " + Obj.Name + " = coflat::detail::address_of" + Args + ";";
  else
    Out += " ::new (coflat::detail::addr(" + Obj.Name + ")) " + Obj.TypeName + Args + ";";
  return Out + markLive(O);
}

std::string Emitter::replacement(const Expr *E, const Replacement &Rep) {
  switch (Rep.K) {
  case Replacement::Kind::Object:
    return objectRef(Rep.Index);
  case Replacement::Kind::Resume:
    return "coflat_aw" + std::to_string(Rep.Index) + ".await_resume()";
  case Replacement::Kind::MaterializeInFrame: {
    const auto *MTE = cast<MaterializeTemporaryExpr>(E);
    const FrameObject &Obj = C.Objects[Rep.Index];
    std::string Live = markLive(Rep.Index);
    if (!Live.empty())
      Live = Live.substr(1, Live.size() - 2) + ", "; // " x = n;" -> "x = n, "
    std::string Init = expr(MTE->getSubExpr());
    if (!MTE->getType()->isArrayType())
      Init = "(" + Init + ")";
    else if (!StringRef(Init).ltrim().starts_with("{"))
      Init = "{" + Init + "}"; // arrays take braces in C++17
    return "(::new (coflat::detail::addr(" + Obj.Name + ")) " + Obj.TypeName + Init + ", " + Live +
           "std::move(" + Obj.Name + "))";
  }
  }
  llvm_unreachable("unknown replacement");
}

std::string Emitter::expr(const Expr *E, bool Replaced) {
  auto It = C.Replacements.find(E);
  if (Replaced && It != C.Replacements.end())
    return replacement(E, It->second);
  // In a member function, `this` is the object the frame keeps.
  if (isa<CXXThisExpr>(E) && !C.SelfType.empty())
    return "coflat_self";
  if (implicitThisMember(E))
    return "coflat_self->" + render(E, span(E), /*ExprMode=*/true);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl())) {
      auto H = C.Hoisted.find(V);
      if (H != C.Hoisted.end())
        return objectRef(H->second);
    }
  if (E->getBeginLoc().isInvalid())
    return "";
  return render(E, span(E), /*ExprMode=*/true);
}

std::string Emitter::steps(const std::vector<ExprStep> &Steps) {
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
      else if (Obj.K == FrameObject::Kind::Condition)
        Out += " " + Obj.Name + " = static_cast<bool>(" + Value + ");";
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
      if (P.E->getSuspendExpr()->getType()->isBooleanType())
        Suspend = "if (" + Suspend + ") return;";
      else
        Suspend += "; return;";
      Out += " if (!" + Aw + ".await_ready()) { coflat_state = " + Id + "; " + Suspend + " } coflat_resume_" + Id +
             ": coflat_state = coflat::detail::state_running;";
      break;
    }
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

std::string Emitter::splitExpr(const Expr *E, const std::string &Tail) {
  const SplitExpr &Split = C.Splits.find(E)->second;
  unsigned R = Split.Region;
  return entryLabel(R) + "{" + opening(R, R) + steps(Split.Steps) + Tail + " }";
}

// --- statements ---

std::string Emitter::stmt(const Stmt *S) {
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (C.Splits.count(E))
      return splitExpr(E, " " + expr(E) + ";");
    return expr(E);
  }
  if (!special(S))
    return render(S, span(S), false);
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
    return render(S, span(S), false);
  }
}

// Whether S's source range stops before a ';' that ends it: an expression
// statement, break, goto, ..., or a statement whose last sub-statement is one.
bool Emitter::endsBeforeSemicolon(const Stmt *S) {
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
std::string Emitter::subStmt(const Stmt *S) {
  std::string Out = stmt(S);
  bool Rewritten = isa<Expr>(S) ? C.Splits.count(cast<Expr>(S)) != 0 : special(S);
  return !Rewritten && endsBeforeSemicolon(S) ? Out + ";" : Out;
}

std::string Emitter::compound(const CompoundStmt *CS, bool InSwitch) {
  Span SP = span(CS);
  int R = regionOf(CS);
  std::string Open;
  std::string Label;
  if (R >= 0 && !InSwitch) {
    const Region &Reg = C.Regions[R];
    int Parent = Reg.Parent;
    bool TryBlock = Parent >= 0 && C.Regions[Parent].K == Region::Kind::Try;
    Open = opening(R, TryBlock ? Parent : R);
    if (!TryBlock)
      Label = entryLabel(R);
  }
  Span Inner{SP.B + 1, SP.E - 1};
  return Label + "{" + Open + render(CS, Inner, false) + "}";
}

std::string Emitter::hoistedInit(const VarDecl *V, unsigned O) {
  const FrameObject &Obj = C.Objects[O];
  const Expr *Init = V->getInit();
  if (Obj.ViaPointer)
    return initFrom(O, expr(Init));
  switch (Obj.Init) {
  case InitForm::Default:
    return construct(O, "");
  case InitForm::Written: {
    // The initialiser's text after the name, "(args)" or "{args}".  Only a
    // constructor call records its parentheses: `int a(3)` ends at the 3 in
    // the AST, and its `)` is the next token.
    SourceLocation NameEnd = Lexer::getLocForEndOfToken(V->getLocation(), 0, SM, Ctx.getLangOpts());
    Span Within{SM.getFileOffset(SM.getExpansionLoc(NameEnd)), span(V->getSourceRange()).E};
    const auto *Ctor = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
    bool Recorded = Ctor && !isa<CXXTemporaryObjectExpr>(Ctor) && Ctor->getParenOrBraceRange().isValid();
    if (V->getInitStyle() == VarDecl::CallInit && !Recorded)
      if (std::optional<Token> Next = Lexer::findNextToken(SM.getExpansionLoc(V->getEndLoc()), SM, Ctx.getLangOpts());
          Next && Next->is(tok::r_paren))
        Within.E = SM.getFileOffset(Next->getLocation()) + 1;
    return construct(O, StringRef(render(Init, Within, /*ExprMode=*/true)).trim().str());
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

std::string Emitter::initFrom(unsigned O, const std::string &Value) {
  const FrameObject &Obj = C.Objects[O];
  if (Obj.ViaPointer || Obj.Init != InitForm::Copy)
    return construct(O, "(" + Value + ")");
  // A return statement copy-initialises its result object, which is the
  // frame's object itself (guaranteed copy elision).
  return construct(O, "([&]() -> " + Obj.TypeName + " { return " + Value + "; }())");
}

std::string Emitter::declStmt(const DeclStmt *DS) {
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

std::string Emitter::forStmt(const ForStmt *F) {
  int R = regionOf(F);
  std::string Out = (R >= 0 ? entryLabel(R) : "") + "{" + (R >= 0 ? opening(R, R) : "");
  if (F->getInit())
    Out += " " + subStmt(F->getInit());
  auto Cont = C.ContinueLabel.find(F);
  if (Cont == C.ContinueLabel.end()) {
    // Only the init changed: keep the loop's own text after it.
    Span SP = span(F);
    Span Head = span(SourceRange(F->getBeginLoc(), F->getInit() ? F->getInit()->getEndLoc() : F->getLParenLoc()));
    std::string Rest = render(F, {Head.E, SP.E}, false);
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
      CondPart = " " + splitExpr(Cond, "") + " if (!" + C.Objects[Split.Steps.back().Object].Name + ") break;";
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

std::string Emitter::rangeFor(const CXXForRangeStmt *RF) {
  unsigned L = regionOf(RF);
  const RangeForPlan &Plan = C.RangeFors.find(RF)->second;
  unsigned Range = Plan.Range, Begin = Plan.Begin, End = Plan.End;
  std::string Out = entryLabel(L) + "{" + opening(L, L);
  const FrameObject &RangeObj = C.Objects[Range];
  std::string RangeInit = expr(RangeObj.Origin);
  Out += construct(Range, Plan.BracedList ? RangeInit : "(" + RangeInit + ")");
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
  }
  Out += construct(Begin, "(" + B + ")") + construct(End, "(" + E + ")");
  std::string BeginName = C.Objects[Begin].Name, EndName = C.Objects[End].Name;
  int Iter = regionOf(RF->getLoopVarStmt());
  unsigned Var = C.Hoisted.find(RF->getLoopVariable())->second;
  Out += " for (; " + BeginName + " != " + EndName + "; ++" + BeginName + ") " + entryLabel(Iter) + "{" +
         opening(Iter, Iter) + initFrom(Var, "*" + BeginName) + " " + subStmt(RF->getBody()) + " }";
  return Out + " }";
}

std::string Emitter::declare(const VarDecl *V) {
  unsigned O = C.Hoisted.find(V)->second;
  if (V->getInit() && C.Splits.count(V->getInit()))
    return " " + splitExpr(V->getInit(), hoistedInit(V, O));
  return hoistedInit(V, O);
}

std::string Emitter::whileStmt(const WhileStmt *W) {
  if (const VarDecl *V = W->getConditionVariable(); V && C.Hoisted.count(V)) {
    unsigned Iter = regionOf(W);
    return "for (;;) " + entryLabel(Iter) + "{" + opening(Iter, Iter) + declare(V) +
           " if (!static_cast<bool>(" + objectRef(C.Hoisted.find(V)->second) + ")) break; " +
           subStmt(W->getBody()) + " }";
  }
  const SplitExpr &Split = C.Splits.find(W->getCond())->second;
  return "for (;;) { " + splitExpr(W->getCond(), "") + " if (!" +
         C.Objects[Split.Steps.back().Object].Name + ") break; " + subStmt(W->getBody()) + " }";
}

std::string Emitter::doStmt(const DoStmt *D) {
  const SplitExpr &Split = C.Splits.find(D->getCond())->second;
  std::string Body = subStmt(D->getBody());
  std::string Label = UsedContinue.count(D)
                          ? " coflat_continue_" + std::to_string(C.ContinueLabel.find(D)->second) + ":;"
                          : "";
  return "for (;;) { " + Body + Label + " " + splitExpr(D->getCond(), "") + " if (!" +
         C.Objects[Split.Steps.back().Object].Name + ") break; }";
}

std::string Emitter::ifStmt(const IfStmt *If) {
  int R = regionOf(If);
  std::string Out = R >= 0 ? entryLabel(R) + "{" + opening(R, R) : "{";
  if (If->getInit())
    Out += " " + subStmt(If->getInit());
  std::string Cond;
  if (const VarDecl *V = If->getConditionVariable()) {
    Out += declare(V);
    Cond = "static_cast<bool>(" + objectRef(C.Hoisted.find(V)->second) + ")";
  } else if (C.Splits.count(If->getCond())) {
    const SplitExpr &Split = C.Splits.find(If->getCond())->second;
    Out += " " + splitExpr(If->getCond(), "");
    Cond = C.Objects[Split.Steps.back().Object].Name;
  } else {
    Cond = expr(If->getCond());
  }
  Out += std::string(" if ") + (If->isConstexpr() ? "constexpr " : "") + "(" + Cond + ") " +
         subStmt(If->getThen());
  if (If->getElse())
    Out += " else " + subStmt(If->getElse());
  return Out + " }";
}

std::string Emitter::switchStmt(const SwitchStmt *Sw) {
  const auto *Body = cast<CompoundStmt>(Sw->getBody());
  unsigned R = regionOf(Body);
  Span Head = span(SourceRange(Sw->getBeginLoc(), Sw->getRParenLoc()));
  return entryLabel(R) + "{" + opening(R, R) + " " + render(Sw, Head, false) + " " +
         compound(Body, /*InSwitch=*/true) + " }";
}

std::string Emitter::tryStmt(const CXXTryStmt *T) {
  unsigned R = regionOf(T);
  return entryLabel(R) + render(T, span(T), false);
}

std::string Emitter::coreturn(const CoreturnStmt *Ret) {
  const Expr *Op = Ret->getOperand();
  if (!Op)
    return "goto coflat_final;";
  bool HasValue = !Op->getType()->isVoidType();
  std::string Value = expr(Op);
  // co_return of a local moves it, as C++20 treats it as an rvalue first.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Op->IgnoreParenImpCasts()))
    if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
        V && V->hasLocalStorage() && !V->getType()->isReferenceType() &&
        !V->getType().isVolatileQualified())
      Value = "std::move(" + Value + ")";
  std::string Tail = HasValue ? " this->coflat_return_value(" + Value + ");" : " " + Value + ";";
  if (C.Splits.count(Op))
    return "{ " + splitExpr(Op, Tail) + " goto coflat_final; }";
  return "{" + Tail + " goto coflat_final; }";
}

// --- the frame ---

std::string Emitter::frameStruct(const std::string &ResumeBody, const std::string &UnwindBody) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "struct " << C.FrameName << " final : " << C.ReturnType << "::state_type {\n";
  std::string CtorParams, CtorInits, CallArgs;
  unsigned Index = 0;
  if (!C.SelfType.empty()) {
    OS << "  " << C.SelfType << " coflat_self;\n";
    CtorParams = C.SelfType + " coflat_this";
    CtorInits = "coflat_self(coflat_this)";
    CallArgs = "this";
    ++Index;
  }
  for (const FrameObject &O : C.Objects) {
    if (O.K != FrameObject::Kind::Parameter)
      continue;
    QualType T = O.Type;
    std::string P = "coflat_p" + std::to_string(C.SelfType.empty() ? Index : Index - 1);
    std::string Sep = Index ? ", " : "";
    OS << "  " << O.TypeName << " " << O.Name << ";\n";
    std::string ParamName = O.Var->getName().str();
    if (T->isReferenceType()) {
      CtorParams += Sep + O.TypeName + " " + P;
      CtorInits += Sep + O.Name + "(static_cast<" + O.TypeName + ">(" + P + "))";
      CallArgs += Sep + (T->isRValueReferenceType() ? "static_cast<" + O.TypeName + ">(" + ParamName + ")" : ParamName);
    } else {
      CtorParams += Sep + O.TypeName + "&& " + P;
      CtorInits += Sep + O.Name + "(static_cast<" + O.TypeName + "&&>(" + P + "))";
      CallArgs += Sep + "static_cast<" + O.TypeName + "&&>(" + ParamName + ")";
    }
    ++Index;
  }
  // One anonymous union per storage slot: its members are constructed in
  // place and never alive together.
  for (unsigned Slot = 0; Slot < C.NumSlots; ++Slot) {
    OS << "  union {";
    for (const FrameObject &O : C.Objects)
      if (O.Slot == int(Slot))
        OS << " " << O.TypeName << " " << O.Name << ";";
    OS << " };\n";
  }
  // Which objects with a destructor are alive: what a guard, the frame's
  // destructor and a backward goto destroy.
  for (const FrameObject &O : C.Objects)
    if (O.needsDestroy())
      OS << "  bool coflat_live_" << O.Name << " = false;\n";
  OS << "  explicit " << C.FrameName << "(" << CtorParams << ")" << (CtorInits.empty() ? "" : " : ")
     << CtorInits << " {}\n";
  OS << "  ~" << C.FrameName << "() {";
  for (auto It = C.Regions.rbegin(); It != C.Regions.rend(); ++It)
    if (It->guarded())
      OS << " coflat_unwind(" << It->Id << ", 0);";
  OS << " }\n";
  // A frame nested in a class has its functions defined inline.
  OS << "  void coflat_resume() override" << (C.IsMember ? " " + ResumeBody : ";\n");
  OS << "  void coflat_destroy() noexcept override { delete this; }\n";
  // Unused when no region is guarded; gcc warns in an unnamed namespace.
  OS << "  [[maybe_unused]] void coflat_unwind(int region, int keep) noexcept" << (C.IsMember ? " " + UnwindBody : ";\n");
  OS << "  static " << C.ReturnType << " coflat_start(" << C.FrameName << "* frame) { return "
     << C.ReturnType << "(frame); }\n";
  OS << "};\n";
  // Remember how the function calls the constructor.
  CallArgsText = CallArgs;
  return Out;
}

std::string Emitter::unwindBody() {
  std::string Out = "{\n  (void)keep;\n  switch (region) {\n";
  for (const Region &R : C.Regions) {
    if (!R.guarded())
      continue;
    Out += "  case " + std::to_string(R.Id) + ":\n";
    for (auto It = R.Objects.rbegin(); It != R.Objects.rend(); ++It) {
      const FrameObject &O = C.Objects[*It];
      if (!O.needsDestroy())
        continue;
      std::string Live = "coflat_live_" + O.Name;
      Out += "    if (keep <= " + std::to_string(O.DestroyIndex) + " && " + Live + ") { " + Live +
             " = false; coflat::detail::destroy_at(" + O.Name + "); }\n";
    }
    Out += "    break;\n";
  }
  Out += "  default:\n    break;\n  }\n}\n";
  return Out;
}

std::string Emitter::run() {
  const auto *Body = cast<CoroutineBodyStmt>(C.F->getBody());
  const Stmt *UserBody = Body->getBody();
  auto [DefBegin, DefEnd] = definitionRange(C.F, SM);
  Span Def{DefBegin, DefEnd};
  Span BodySpan = span(UserBody);

  std::string Resume = "{\n  switch (coflat_state) {\n";
  Resume += "  case 0: coflat_state = coflat::detail::state_running; break;\n";
  for (const SuspendPoint &P : C.Points) {
    std::string Target = P.Barriers.empty() ? "coflat_resume_" + std::to_string(P.Id)
                                            : "coflat_enter_" + std::to_string(P.Barriers.front());
    Resume += "  case " + std::to_string(P.Id) + ": goto " + Target + ";\n";
  }
  Resume += "  default: return;\n  }\n";
  Resume += lineDirective(UserBody->getBeginLoc());
  // Indent the body's first line as in the source so columns stay close.
  unsigned Col = SM.getExpansionColumnNumber(SM.getExpansionLoc(UserBody->getBeginLoc()));
  Resume += std::string(Col > 0 ? Col - 1 : 0, ' ');
  Resume += stmt(UserBody);
  bool HasReturn = false;
  struct Finder {
    static bool has(const Stmt *S) {
      if (!S)
        return false;
      if (isa<CoreturnStmt>(S))
        return true;
      for (const Stmt *Ch : S->children())
        if (!isa_and_nonnull<LambdaExpr>(Ch) && has(Ch))
          return true;
      return false;
    }
  };
  HasReturn = Finder::has(UserBody);
  Resume += "\n";
  if (HasReturn)
    Resume += "coflat_final:\n";
  Resume += "  coflat_state = coflat::detail::state_done;\n}\n";

  std::string Unwind = unwindBody();
  std::string Out;
  Out += "\n" + lineDirective(C.F->getBeginLoc());
  Out += frameStruct(Resume, Unwind);
  Out += lineDirective(C.F->getBeginLoc());
  Out += Buffer.substr(Def.B, BodySpan.B - Def.B).str();
  Out += "{ return " + C.FrameName + "::coflat_start(new " + C.FrameName + "(" + CallArgsText + ")); }\n";
  if (!C.IsMember) {
    Out += "void " + C.FrameName + "::coflat_resume() " + Resume;
    Out += "void " + C.FrameName + "::coflat_unwind(int region, int keep) noexcept " + Unwind;
  }
  Out += lineDirective(C.F->getEndLoc());
  return Out;
}

} // namespace

std::pair<unsigned, unsigned> definitionRange(const FunctionDecl *FD, const SourceManager &SM) {
  unsigned Begin = SM.getFileOffset(SM.getExpansionLoc(FD->getBeginLoc()));
  unsigned End = SM.getFileOffset(SM.getExpansionLoc(FD->getEndLoc())) + 1;
  StringRef Buffer = SM.getBufferData(SM.getMainFileID());
  for (const Attr *A : FD->attrs()) {
    SourceLocation L = A->getScopeLoc().isValid() ? A->getScopeLoc() : A->getLocation();
    if (A->isImplicit() || L.isInvalid() || !SM.isWrittenInMainFile(SM.getExpansionLoc(L)))
      continue;
    unsigned At = SM.getFileOffset(SM.getExpansionLoc(L));
    if (At >= Begin)
      continue;
    // Back over the opening of its specifier: `[[` or `__attribute__((`.
    StringRef Before = StringRef(Buffer.data(), At).rtrim();
    for (StringRef Open : {"[[", "(("}) {
      if (Before.ends_with(Open))
        Before = Before.drop_back(Open.size()).rtrim();
    }
    if (Before.ends_with("__attribute__"))
      Before = Before.drop_back(strlen("__attribute__"));
    Begin = std::min<unsigned>(Begin, Before.size());
  }
  return {Begin, End};
}

std::string emitCoroutine(const Coroutine &C, ASTContext &Ctx, const EmitOptions &Opts) {
  return Emitter(C, Ctx, Opts).run();
}

} // namespace coflat
