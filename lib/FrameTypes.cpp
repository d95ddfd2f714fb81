//===- FrameTypes.cpp - How frame members' types are written ---------------===//
#include "FrameTypes.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <functional>

using namespace clang;

namespace coflat {

// A type whose declarator wraps the name (arrays, pointers to arrays or
// functions) is spelled through an alias so that `Type name;` stays valid.
static std::string wrapDeclarator(std::string Name) {
  if (Name.find_first_of("([") == std::string::npos)
    return Name;
  return "coflat::detail::type_t<" + Name + ">";
}

bool namesLocalType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getCanonicalType();
  if (const auto *R = T->getAs<ReferenceType>())
    return namesLocalType(R->getPointeeType());
  if (const auto *P = T->getAs<PointerType>())
    return namesLocalType(P->getPointeeType());
  if (const auto *MP = T->getAs<MemberPointerType>())
    return namesLocalType(MP->getPointeeType()) || namesLocalType(QualType(MP->getClass(), 0));
  if (const auto *A = dyn_cast<ArrayType>(T.getTypePtr()))
    return namesLocalType(A->getElementType());
  if (const auto *F = T->getAs<FunctionProtoType>())
    return namesLocalType(F->getReturnType()) ||
           llvm::any_of(F->getParamTypes(), [](QualType P) { return namesLocalType(P); });
  const auto *TD = T->getAsTagDecl();
  if (!TD)
    return false;
  // A local class, a lambda's closure, or an unnamed class cannot be named
  // at namespace scope, where the frame is declared.
  for (const DeclContext *DC = TD; DC && !DC->isFileContext(); DC = DC->getParent()) {
    if (DC->isFunctionOrMethod())
      return true;
    if (const auto *Tag = dyn_cast<TagDecl>(DC); Tag && !Tag->getIdentifier() && !Tag->getTypedefNameForAnonDecl())
      return true;
  }
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(TD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type && namesLocalType(A.getAsType()))
        return true;
  return false;
}

// What `auto` and `decltype` stand for, keeping the sugar the deduction
// saw (`std::vector<int>::iterator`, not the library's internal class).
static QualType undeduced(QualType T, const ASTContext &Ctx) {
  for (;;) {
    Qualifiers Q = T.getLocalQualifiers();
    const Type *Ty = T.getTypePtr();
    QualType Inner;
    if (const auto *AT = dyn_cast<AutoType>(Ty); AT && AT->isDeduced())
      Inner = AT->getDeducedType();
    else if (const auto *DT = dyn_cast<DecltypeType>(Ty); DT && !DT->isDependentType())
      Inner = DT->getUnderlyingType();
    else if (const auto *ET = dyn_cast<ElaboratedType>(Ty); ET && isa<DeducedType>(ET->getNamedType()))
      Inner = ET->getNamedType();
    else if (const auto *PT = dyn_cast<PointerType>(Ty))
      return Ctx.getQualifiedType(Ctx.getPointerType(undeduced(PT->getPointeeType(), Ctx)), Q);
    else if (const auto *LR = dyn_cast<LValueReferenceType>(Ty))
      return Ctx.getQualifiedType(Ctx.getLValueReferenceType(undeduced(LR->getPointeeType(), Ctx)), Q);
    else if (const auto *RR = dyn_cast<RValueReferenceType>(Ty))
      return Ctx.getQualifiedType(Ctx.getRValueReferenceType(undeduced(RR->getPointeeType(), Ctx)), Q);
    else
      return T;
    T = Ctx.getQualifiedType(Inner.getLocalUnqualifiedType(), Q + Inner.getLocalQualifiers());
  }
}

static bool namesInternals(StringRef Name) {
  for (size_t At = Name.find("__"); At != StringRef::npos; At = Name.find("__", At + 2))
    if (At == 0 || !(isAlphanumeric(Name[At - 1]) || Name[At - 1] == '_'))
      return true;
  return false;
}

std::string frameTypeName(QualType T, const ASTContext &Ctx) {
  if (namesLocalType(T))
    return "";
  PrintingPolicy Policy(Ctx.getLangOpts());
  Policy.SuppressScope = false;
  Policy.AnonymousTagLocations = false;
  Policy.SuppressUnwrittenScope = true;
  Policy.Bool = true;
  QualType U = undeduced(T, Ctx);
  QualType Core = U.getNonReferenceType();
  while (const auto *PT = Core->getAs<PointerType>())
    Core = PT->getPointeeType();
  auto Canonical = [&] {
    PrintingPolicy P = Policy;
    P.FullyQualifiedName = true;
    P.PrintCanonicalTypes = true;
    return U.getCanonicalType().getAsString(P);
  };
  std::string Name;
  // A member typedef of the standard library (`std::vector<int>::iterator`,
  // what `auto` deduces from `v.begin()`) is spelled as such: its canonical
  // type is the library's internal class, which another library lacks.
  // Deduced types and types nested in class templates do not survive
  // TypeName::getFullyQualifiedName (template arguments lose their scope);
  // print them canonically.
  const auto *RD = Core.getCanonicalType()->getAsCXXRecordDecl();
  if (const auto *TT = Core->getAs<TypedefType>(); TT && TT->getDecl()->getDeclContext()->isRecord())
    Name = TypeName::getFullyQualifiedName(U, Ctx, Policy, /*WithGlobalNsPrefix=*/false);
  else if ((RD && RD->getDeclContext()->isRecord()) || T->getContainedDeducedType())
    Name = Canonical();
  else
    Name = TypeName::getFullyQualifiedName(T, Ctx, Policy, /*WithGlobalNsPrefix=*/false);
  // A library's internal alias (libstdc++'s make_unique returns
  // `std::__detail::__unique_ptr_t<T>`) is spelled as what it stands for.
  if (namesInternals(Name))
    if (std::string C = Canonical(); !namesInternals(C))
      Name = std::move(C);
  return wrapDeclarator(Name);
}

std::string frameTypeNameFrom(QualType T, const Expr *Init, const ASTContext &Ctx) {
  std::string Name = frameTypeName(T, Ctx);
  if (!Init || !namesInternals(Name) || T->isDependentType())
    return Name;
  QualType Want = T.getCanonicalType().getUnqualifiedType();
  std::string Found;
  std::function<void(const Stmt *)> Search = [&](const Stmt *S) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (!S || !Found.empty() || isa<LambdaExpr>(S))
      return;
    if (E && !E->isTypeDependent() && E->getType().getCanonicalType().getUnqualifiedType() == Want) {
      std::string Spelled = frameTypeName(E->getType().getUnqualifiedType(), Ctx);
      if (!Spelled.empty() && !namesInternals(Spelled)) {
        Found = (T.isConstQualified() ? "const " : "") + Spelled;
        return;
      }
    }
    for (const Stmt *Child : S->children())
      Search(Child);
  };
  Search(Init);
  return Found.empty() ? Name : Found;
}

std::string closureStorageName(QualType Closure, const ASTContext &Ctx) {
  return "coflat::detail::closure_storage<" + std::to_string(Ctx.getTypeSizeInChars(Closure).getQuantity()) + ", " +
         std::to_string(Ctx.getTypeAlignInChars(Closure).getQuantity()) + ", " +
         (Closure.isDestructedType() ? "true" : "false") + ">";
}

std::optional<std::string> deducedTypePattern(QualType Declared) {
  auto CV = [](QualType Q) {
    return std::string(Q.isConstQualified() ? "const " : "") + (Q.isVolatileQualified() ? "volatile " : "");
  };
  auto IsAuto = [](QualType Q) { return isa<AutoType>(Q.getTypePtr()); };
  const Type *T = Declared.getTypePtr();
  if (const auto *A = dyn_cast<AutoType>(T)) {
    if (A->isDecltypeAuto())
      return std::string("decltype($E)");
    return CV(Declared) + "std::decay_t<$D>";
  }
  if (const auto *LR = dyn_cast<LValueReferenceType>(T); LR && IsAuto(LR->getPointeeTypeAsWritten()))
    return CV(LR->getPointeeTypeAsWritten()) + "std::remove_reference_t<$D>&";
  if (const auto *RR = dyn_cast<RValueReferenceType>(T); RR && IsAuto(RR->getPointeeTypeAsWritten())) {
    std::string Q = CV(RR->getPointeeTypeAsWritten());
    return Q.empty() ? std::string("$D&&") : Q + "std::remove_reference_t<$D>&&";
  }
  if (const auto *PT = dyn_cast<PointerType>(T); PT && IsAuto(PT->getPointeeType()))
    return CV(PT->getPointeeType()) + "std::remove_pointer_t<std::decay_t<$D>>*" +
           (Declared.isConstQualified() ? " const" : "");
  return std::nullopt;
}

FrameTemplate frameTemplate(const FunctionTemplateDecl *FT, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  FrameTemplate Out;
  for (const NamedDecl *P : *FT->getTemplateParameters()) {
    if (!P->getIdentifier())
      continue;
    SourceLocation Default;
    if (const auto *T = dyn_cast<TemplateTypeParmDecl>(P); T && T->hasDefaultArgument())
      Default = T->getDefaultArgumentLoc();
    else if (const auto *N = dyn_cast<NonTypeTemplateParmDecl>(P); N && N->hasDefaultArgument())
      Default = N->getDefaultArgumentLoc();
    else if (const auto *TT = dyn_cast<TemplateTemplateParmDecl>(P); TT && TT->hasDefaultArgument())
      Default = TT->getDefaultArgumentLoc();
    SourceLocation Begin = SM.getExpansionLoc(P->getBeginLoc());
    CharSourceRange Range =
        Default.isValid() ? CharSourceRange::getCharRange(Begin, SM.getExpansionLoc(Default))
                          : CharSourceRange::getTokenRange(Begin, SM.getExpansionLoc(P->getEndLoc()));
    StringRef Text = Lexer::getSourceText(Range, SM, Ctx.getLangOpts()).rtrim();
    if (Default.isValid())
      Text = Text.drop_back(Text.ends_with("=") ? 1 : 0).rtrim();
    bool Pack = P->isParameterPack();
    if (Pack && P != FT->getTemplateParameters()->asArray().back())
      Out.PackNotLast = P;
    Out.Params += (Out.Params.empty() ? "" : ", ") + Text.str();
    Out.Args += (Out.Args.empty() ? "" : ", ") + P->getName().str() + (Pack ? "..." : "");
  }
  return Out;
}

bool unobservableDestructor(QualType T) {
  if (!T.isDestructedType())
    return true;
  if (isRuntimeType(T))
    return true; // awaitables and tasks passed by value are consumed
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->isInStdNamespace())
    return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
      if (A.getKind() == TemplateArgument::Type && !unobservableDestructor(A.getAsType()))
        return false;
  return true;
}

bool isRuntimeType(QualType T) {
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return false;
  const DeclContext *Top = RD;
  while (Top->getParent() && !Top->getParent()->isTranslationUnit())
    Top = Top->getParent();
  const auto *NS = dyn_cast<NamespaceDecl>(Top);
  return NS && NS->getName() == "coflat";
}

} // namespace coflat
