//===- FramePrinter.cpp - A coroutine as a frame struct and its functions --===//
#include "FramePrinter.h"

#include "StatementPrinter.h"

#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace coflat {
namespace {

/// How the function hands its parameters to the frame's constructor, and
/// how the constructor keeps them: a reference stays one (an rvalue one is
/// forwarded), a value is moved into the frame.
struct Constructor {
  std::string Params, Inits, CallArgs;

  explicit Constructor(const Coroutine &C) {
    auto Add = [](std::string &List, const std::string &Item) {
      List += (List.empty() ? "" : ", ") + Item;
    };
    if (!C.SelfType.empty()) {
      Add(Params, C.SelfType + " coflat_this");
      Add(Inits, "coflat_self(coflat_this)");
      Add(CallArgs, "this");
    }
    unsigned Index = 0;
    for (const FrameObject &O : C.Objects) {
      if (O.K != FrameObject::Kind::Parameter)
        continue;
      std::string P = "coflat_p" + std::to_string(Index++);
      const std::string &Name = O.Name;
      if (O.Var == C.Pack) {
        // Each element as its parameter would be: `Ts&&... p` for values,
        // `Ts&... p` for references; the pack is built from all of them.
        QualType Pattern = O.Type->castAs<PackExpansionType>()->getPattern();
        std::string Ref = Pattern->isReferenceType() ? C.PackPattern : C.PackPattern + "&&";
        Add(Params, Ref + "... " + P);
        Add(Inits, O.Name + "(static_cast<" + Ref + ">(" + P + ")...)");
        Add(CallArgs, (Pattern->isLValueReferenceType() ? Name : "static_cast<" + Ref + ">(" + Name + ")") + "...");
      } else if (O.Type->isReferenceType()) {
        Add(Params, O.TypeName + " " + P);
        Add(Inits, O.Name + "(static_cast<" + O.TypeName + ">(" + P + "))");
        Add(CallArgs, O.Type->isRValueReferenceType() ? "static_cast<" + O.TypeName + ">(" + Name + ")" : Name);
      } else {
        Add(Params, O.TypeName + "&& " + P);
        Add(Inits, O.Name + "(static_cast<" + O.TypeName + "&&>(" + P + "))");
        Add(CallArgs, "static_cast<" + O.TypeName + "&&>(" + Name + ")");
      }
    }
  }
};

} // namespace

std::string memberType(const Coroutine &C, const SourceRewriter &Src, const FrameMember &M) {
  if (M.R != FrameMember::Role::Object || !C.Objects[M.Object].FromExpression)
    return M.TypeName;
  const FrameObject &O = C.Objects[M.Object];
  std::string E = O.TypeOf ? printExpression(C, Src, O.TypeOf) : O.TypeOfText;
  std::string Out;
  StringRef Pattern = O.TypeName;
  for (size_t I = 0; I < Pattern.size(); ++I) {
    char Key = I + 1 < Pattern.size() && Pattern[I] == '$' ? Pattern[I + 1] : 0;
    if (Key == 'D' || Key == 'E' || Key == 'A') {
      if (Key == 'D')
        Out += "decltype((" + E + "))";
      else if (Key == 'A') // a braced list's elements as arguments
        Out += "(" + StringRef(E).trim().drop_front().drop_back().str() + ")";
      else
        Out += E;
      ++I;
    } else {
      Out += Pattern[I];
    }
  }
  return Out;
}

namespace {

/// In a template: the condition under which the branches of if constexpr
/// around region R are taken, or "" outside any.
std::string branchCondition(const Coroutine &C, const SourceRewriter &Src, int R) {
  std::string Out;
  for (; R >= 0; R = C.Regions[R].Parent) {
    const Region &Reg = C.Regions[R];
    if (!Reg.BranchCondition)
      continue;
    std::string Cond = std::string(Reg.ElseBranch ? "!" : "") + "bool(" + printExpression(C, Src, Reg.BranchCondition) + ")";
    Out = Out.empty() ? Cond : Cond + " && " + Out;
  }
  return Out;
}

/// A member's type as declared.  In a template, a member of an if
/// constexpr branch has its type only where the branch is taken (the type
/// may be ill-formed for other arguments, as the branch's statements are):
/// a member class template, whose definition for `false` is never
/// instantiated, gives it, else `char`.
std::string declaredType(const Coroutine &C, const SourceRewriter &Src, const FrameMember &M, std::string &Before) {
  std::string Type = memberType(C, Src, M);
  if (!C.Dependent || M.R != FrameMember::Role::Object)
    return Type;
  std::string Cond = branchCondition(C, Src, C.Objects[M.Object].Region);
  if (Cond.empty())
    return Type;
  std::string Name = "coflat_type_" + M.Name;
  Before += "  template <bool coflat_taken, class = void> struct " + Name + " { using type = char; };\n";
  Before += "  template <class coflat_d> struct " + Name + "<true, coflat_d> { using type = " + Type + "; };\n";
  return "typename " + Name + "<" + Cond + ">::type";
}

std::string frameStruct(const Coroutine &C, const SourceRewriter &Src, const Constructor &Ctor,
                        const std::string &Resume, const std::string &Unwind) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (!C.FramePrimary.empty())
    OS << C.FramePrimary << " struct " << C.FrameName << ";\n";
  if (!C.TemplateHead.empty())
    OS << C.TemplateHead << "\n";
  OS << "struct " << C.FrameName << (C.FramePrimary.empty() ? "" : C.TemplateArgs) << " final : "
     << C.ReturnType << "::state_type {\n";
  // A dependent base's members are not found without `this->`.
  if (C.Dependent)
    OS << "  using coflat_base = typename " << C.ReturnType << "::state_type;\n"
       << "  using coflat_base::coflat_state;\n";
  const std::vector<FrameMember> &Members = C.Layout.Members;
  for (size_t I = 0; I < Members.size(); ++I) {
    const FrameMember &M = Members[I];
    if (M.Slot >= 0) {
      // A storage slot is an anonymous union: its members are constructed
      // in place and never alive together.
      std::string Before, Union = "  union {";
      for (; I < Members.size() && Members[I].Slot == M.Slot; ++I)
        Union += " " + declaredType(C, Src, Members[I], Before) + " " + Members[I].Name + ";";
      OS << Before << Union << " };\n";
      --I;
    } else if (M.R == FrameMember::Role::AliveFlag) {
      // What a guard, the frame's destructor and a backward goto destroy.
      OS << "  bool " << M.Name << " = false;\n";
    } else {
      OS << "  " << memberType(C, Src, M) << " " << M.Name << ";\n";
    }
  }
  OS << "  explicit " << C.FrameName << "(" << Ctor.Params << ")" << (Ctor.Inits.empty() ? "" : " : ")
     << Ctor.Inits << " {}\n";
  OS << "  ~" << C.FrameName << "() {";
  for (auto It = C.Regions.rbegin(); It != C.Regions.rend(); ++It)
    if (It->guarded())
      OS << " coflat_unwind(" << It->Id << ", 0);";
  OS << " }\n";
  // A frame nested in a class has its functions defined inline.
  OS << "  void coflat_resume() override" << (C.IsMember ? " " + Resume : ";\n");
  OS << "  void coflat_destroy() noexcept override { delete this; }\n";
  // Unused when no region is guarded; gcc warns in an unnamed namespace.
  OS << "  [[maybe_unused]] void coflat_unwind(int region, int keep) noexcept"
     << (C.IsMember ? " " + Unwind : ";\n");
  OS << "  static " << C.ReturnType << " coflat_start(" << C.FrameName << "* frame) { return "
     << C.ReturnType << "(frame); }\n";
  OS << "};\n";
  return Out;
}

/// Destroys a guarded region's objects from the last constructed, those
/// from index `keep` on (a backward goto keeps the earlier ones).
std::string unwindBody(const Coroutine &C) {
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

/// The state switch that resumes at the outermost barrier on the way to
/// each suspension point (or at the point itself), then the body.
std::string resumeBody(const Coroutine &C, const SourceRewriter &Src) {
  std::string Out = "{\n" + printClosureTypes(C, Src) + "  switch (coflat_state) {\n";
  Out += "  case 0: coflat_state = coflat::detail::state_running; break;\n";
  for (const SuspendPoint &P : C.Points) {
    std::string Target = P.Barriers.empty() ? "coflat_resume_" + std::to_string(P.Id)
                                            : "coflat_enter_" + std::to_string(P.Barriers.front());
    Out += "  case " + std::to_string(P.Id) + ": goto " + Target + ";\n";
  }
  Out += "  default: return;\n  }\n";
  const Stmt *UserBody = cast<CoroutineBodyStmt>(C.F->getBody())->getBody();
  Out += Src.lineDirective(UserBody->getBeginLoc());
  // Indent the body's first line as in the source so columns stay close.
  unsigned Col = Src.column(UserBody->getBeginLoc());
  Out += std::string(Col > 0 ? Col - 1 : 0, ' ');
  Out += printBody(C, Src) + "\n";
  if (C.HasCoreturn)
    Out += "coflat_final:\n";
  Out += "  coflat_state = coflat::detail::state_done;\n}\n";
  return Out;
}

/// The function's text up to its body, with a name for each unnamed
/// parameter where the name would be written (`int coflat_arg0 = 5`).
std::string functionHead(const Coroutine &C, const SourceRewriter &Src, Span Head) {
  std::string Out;
  unsigned At = Head.B;
  for (const FrameObject &O : C.Objects) {
    if (O.K != FrameObject::Kind::Parameter || !O.Var->getName().empty())
      continue;
    unsigned Name = Src.span(SourceRange(O.Var->getLocation())).B;
    Out += Src.text({At, Name}).str();
    char Before = Name > 0 ? Src.buffer()[Name - 1] : ' ';
    Out += Before == ' ' ? O.Name + " " : StringRef("*&(").contains(Before) ? O.Name : " " + O.Name;
    At = Name;
  }
  return Out + Src.text({At, Head.E}).str();
}

} // namespace

std::string printCoroutine(const Coroutine &C, const SourceRewriter &Src) {
  const Stmt *UserBody = cast<CoroutineBodyStmt>(C.F->getBody())->getBody();
  Span Def = definitionRange(C.F, C.F->getASTContext().getSourceManager());
  Span Body = Src.span(UserBody);
  Constructor Ctor(C);
  std::string Resume = resumeBody(C, Src);
  std::string Unwind = unwindBody(C);
  std::string Frame = frameStruct(C, Src, Ctor, Resume, Unwind);
  std::string Start = "return " + C.frameRefInFunction() + "::coflat_start(new " + C.frameRefInFunction() + "(" +
                      Ctor.CallArgs + "));";
  std::string Out = "\n" + Src.lineDirective(C.F->getBeginLoc());
  if (C.LocalFrame) {
    Out += functionHead(C, Src, {Def.B, Body.B}) + "{\n" + Frame + Start + " }\n";
    return Out + Src.lineDirective(C.F->getEndLoc());
  }
  Out += Frame + Src.lineDirective(C.F->getBeginLoc());
  Out += functionHead(C, Src, {Def.B, Body.B});
  Out += "{ " + Start + " }\n";
  if (!C.IsMember) {
    // After the function, which the body may call; inline in a header.
    std::string Head = !C.TemplateHead.empty() ? C.TemplateHead + "\n" : C.InHeader ? "inline " : "";
    Out += Head + "void " + C.frameRef() + "::coflat_resume() " + Resume;
    Out += Head + "void " + C.frameRef() + "::coflat_unwind(int region, int keep) noexcept " + Unwind;
  }
  Out += Src.lineDirective(C.F->getEndLoc());
  return Out;
}

} // namespace coflat
