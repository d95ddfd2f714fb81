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
  llvm::DenseMap<unsigned, const IfStmt *> Ifs;

  /// By where they begin and end: the outermost expression written there,
  /// below what Sema adds around it.
  llvm::DenseMap<std::pair<unsigned, unsigned>, const Expr *> Written;

  bool VisitExpr(Expr *E) {
    if (isSuspension(E))
      Suspensions.try_emplace(E->getBeginLoc().getRawEncoding(), E);
    if (!isa<ImplicitCastExpr, MaterializeTemporaryExpr, CXXBindTemporaryExpr, FullExpr>(E))
      Written.try_emplace({E->getBeginLoc().getRawEncoding(), E->getEndLoc().getRawEncoding()}, E);
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    Vars.try_emplace(V->getLocation().getRawEncoding(), V);
    return true;
  }
  bool VisitIfStmt(IfStmt *If) {
    Ifs.try_emplace(If->getBeginLoc().getRawEncoding(), If);
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

/// A coflat::detail::parameter_pack of the instantiated parameters: laid
/// out as a struct of one member per element (which it is, in bases).
std::pair<QualType, std::string> packType(ArrayRef<ParmVarDecl *> Elements, ASTContext &Ctx) {
  RecordDecl *RD = Ctx.buildImplicitRecord("coflat_parameter_pack");
  RD->startDefinition();
  std::string Name;
  for (const ParmVarDecl *P : Elements) {
    auto *F = FieldDecl::Create(Ctx, RD, SourceLocation(), SourceLocation(), nullptr, P->getType(), nullptr, nullptr,
                                /*Mutable=*/false, ICIS_NoInit);
    F->setAccess(AS_public);
    RD->addDecl(F);
    Name += (Name.empty() ? "" : ", ") + frameTypeName(P->getType(), Ctx);
  }
  RD->completeDefinition();
  return {Ctx.getRecordType(RD), "coflat::detail::parameter_pack<" + Name + ">"};
}

/// What a template's braced range becomes, given the instantiated range's
/// initialiser (a std::initializer_list): a coflat::detail::braced_list,
/// laid out as the list's array.
std::pair<QualType, std::string> listArrayType(const Expr *Init, ASTContext &Ctx) {
  const Expr *E = Init->IgnoreImplicit();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    E = MTE->getSubExpr()->IgnoreImplicit();
  if (const auto *IL = dyn_cast<CXXStdInitializerListExpr>(E))
    E = IL->getSubExpr()->IgnoreImplicit();
  if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E))
    E = MTE->getSubExpr();
  const auto *AT = Ctx.getAsConstantArrayType(E->getType());
  if (!AT)
    return {Init->getType(), ""};
  QualType Element = AT->getElementType().getUnqualifiedType();
  return {Ctx.getConstantArrayType(Element, AT->getSize(), nullptr, ArraySizeModifier::Normal, 0),
          "coflat::detail::braced_list<" + frameTypeName(Element, Ctx) + ", " +
              std::to_string(AT->getSize().getZExtValue()) + ">"};
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
  // The regions in an if constexpr branch that the instantiation discards
  // (a parent region comes before its children): their objects are `char`
  // in the frame, and their nodes are not instantiated.
  std::vector<bool> Discarded(Template.Regions.size());
  for (const Region &Reg : Template.Regions) {
    bool Off = Reg.Parent >= 0 && Discarded[Reg.Parent];
    if (!Off && Reg.BranchCondition) {
      const Stmt *Pattern = Template.Regions[Reg.Parent].S;
      const IfStmt *If = Nodes.Ifs.lookup(Pattern->getBeginLoc().getRawEncoding());
      bool Value;
      if (!If || !If->getCond()->EvaluateAsBooleanCondition(Value, Ctx))
        return std::nullopt;
      Off = Value == Reg.ElseBranch;
    }
    Discarded[Reg.Id] = Off;
  }
  // The parameters of the instantiation that the pack expands to.
  unsigned PackBegin = Template.Pack ? Template.Pack->getFunctionScopeIndex() : Inst->getNumParams();
  unsigned PackSize = Inst->getNumParams() + 1 - Template.F->getNumParams();
  for (unsigned I = 0; I < C.Objects.size(); ++I) {
    FrameObject &O = C.Objects[I];
    if (O.K != FrameObject::Kind::Parameter && Discarded[O.Region]) {
      Set(I, Ctx.CharTy, "char");
    } else if (Template.Pack && O.Var == Template.Pack) {
      auto [T, Name] = packType(Inst->parameters().slice(PackBegin, PackSize), Ctx);
      Set(I, T, Name);
    } else if (O.K == FrameObject::Kind::Parameter) {
      unsigned Index = cast<ParmVarDecl>(O.Var)->getFunctionScopeIndex();
      Set(I, Inst->getParamDecl(Index < PackBegin ? Index : Index + PackSize - 1)->getType());
    } else if (O.K == FrameObject::Kind::Local) {
      const VarDecl *V = Nodes.Vars.lookup(O.Var->getLocation().getRawEncoding());
      if (!V)
        return std::nullopt;
      QualType T = V->getType();
      Set(I, O.ViaPointer ? Ctx.getPointerType(T.getNonReferenceType()) : T);
    } else if (O.ViaPointer && O.FromExpression) {
      Set(I, Ctx.VoidPtrTy, "(a pointer)"); // a named glvalue spilled by address
    } else if (O.K == FrameObject::Kind::Spill && O.Held) {
      // Another dependent value: held as its instantiation is.
      const Expr *E = Nodes.Written.lookup({O.Origin->getBeginLoc().getRawEncoding(),
                                            O.Origin->getEndLoc().getRawEncoding()});
      if (!E)
        return std::nullopt;
      QualType T = E->getType().getNonReferenceType();
      std::string Held = "coflat::detail::held_operand<" + frameTypeName(T, Ctx);
      if (E->isPRValue())
        Set(I, T, Held + ">");
      else
        Set(I, Ctx.getPointerType(T), Held + (E->isXValue() ? "&&>" : "&>"));
    }
  }
  for (const auto &[RF, Plan] : Template.RangeFors) {
    if (Discarded[Template.regionOf(RF)])
      continue;
    const CXXForRangeStmt *IRF = Nodes.RangeFors.lookup(RF->getBeginLoc().getRawEncoding());
    if (!IRF || !IRF->getBeginStmt())
      return std::nullopt;
    const auto *Range = cast<VarDecl>(IRF->getRangeStmt()->getSingleDecl());
    if (Plan.BracedList && Plan.How == RangeForPlan::Bounds::Generic) {
      auto [T, Name] = listArrayType(Range->getInit(), Ctx);
      Set(Plan.Range, T, Name);
    } else if (Plan.How == RangeForPlan::Bounds::Generic) {
      auto [T, Name] = heldType(Range->getInit(), Ctx);
      Set(Plan.Range, T, Name);
    }
    Set(Plan.Begin, cast<VarDecl>(IRF->getBeginStmt()->getSingleDecl())->getType());
    Set(Plan.End, cast<VarDecl>(IRF->getEndStmt()->getSingleDecl())->getType());
  }
  for (const SuspendPoint &P : Template.Points) {
    if (Discarded[P.Region])
      continue;
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
  if (size_t Args = Name.find('<'); Args != std::string::npos && Inst->getPrimaryTemplate()) {
    // The frame's arguments: those the frame adds first (as the analysis
    // adds its parameters), then the function's.
    std::string FrameArgs = Name.substr(Args + 1, Name.size() - Args - 2);
    auto Prepend = [&](const std::string &Arg) { FrameArgs = Arg + (FrameArgs.empty() ? "" : ", " + FrameArgs); };
    if (Template.ReturnType == "coflat_return")
      Prepend(frameTypeName(Inst->getReturnType().getCanonicalType(), Ctx));
    if (Template.Pack) {
      std::string Indices;
      for (unsigned I = 0; I < PackSize; ++I)
        Indices += (I ? ", " : "") + std::to_string(I);
      Prepend("std::index_sequence<" + Indices + ">");
    }
    C.FrameName += "<" + FrameArgs + ">";
  }
  C.Layout = layoutFrame(C, Ctx);
  return C;
}

} // namespace coflat
