//===- SourceRewriter.cpp - The user's text, with some nodes replaced ------===//
#include "SourceRewriter.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "clang/Rewrite/Core/RewriteBuffer.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <cstring>

using namespace clang;

namespace coflat {

FileID definitionFile(const FunctionDecl *FD, const SourceManager &SM) {
  return SM.getFileID(SM.getExpansionLoc(FD->getBeginLoc()));
}

Span definitionRange(const FunctionDecl *FD, const SourceManager &SM) {
  // A template's definition starts at its `template <...>`.
  SourceLocation Start = FD->getBeginLoc();
  if (const FunctionTemplateDecl *FT = FD->getDescribedFunctionTemplate())
    Start = FT->getBeginLoc();
  unsigned Begin = SM.getFileOffset(SM.getExpansionLoc(Start));
  unsigned End = SM.getFileOffset(SM.getExpansionLoc(FD->getEndLoc())) + 1;
  FileID File = definitionFile(FD, SM);
  StringRef Buffer = SM.getBufferData(File);
  for (const Attr *A : FD->attrs()) {
    SourceLocation L = A->getScopeLoc().isValid() ? A->getScopeLoc() : A->getLocation();
    if (A->isImplicit() || L.isInvalid() || SM.getFileID(SM.getExpansionLoc(L)) != File)
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

SourceRewriter::SourceRewriter(ASTContext &Ctx, FileID File, const EmitOptions &Opts)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), Opts(Opts), Buffer(SM.getBufferData(File)) {}

Span SourceRewriter::span(SourceRange R) const {
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

void SourceRewriter::collect(const Stmt *S, Span Within,
                             llvm::function_ref<bool(const Stmt *)> Rewrites,
                             llvm::SmallVectorImpl<const Stmt *> &Out) const {
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    if (!Rewrites(Child)) {
      if (isa<LambdaExpr>(Child))
        continue;
      collect(Child, Within, Rewrites, Out);
      continue;
    }
    // (A node written in a macro's body has no text of its own: the
    // analysis refused it.  A macro argument's is where it is written.)
    if (Child->getBeginLoc().isInvalid())
      continue;
    Span SS = span(Child);
    if (SS.B >= Within.B && SS.E <= Within.E)
      Out.push_back(Child);
  }
}

std::string SourceRewriter::rewrite(const Stmt *Root, Span Within,
                                    llvm::function_ref<bool(const Stmt *)> Rewrites,
                                    llvm::function_ref<Printed(const Stmt *)> Print) const {
  llvm::SmallVector<const Stmt *, 8> Parts;
  collect(Root, Within, Rewrites, Parts);
  std::stable_sort(Parts.begin(), Parts.end(),
                   [&](const Stmt *A, const Stmt *B) { return span(A).B < span(B).B; });
  RewriteBuffer Out;
  Out.Initialize(text(Within));
  unsigned Pos = Within.B;
  for (const Stmt *P : Parts) {
    Span SP = span(P);
    if (SP.B < Pos)
      continue; // nested in a part already replaced
    Printed New = Print(P);
    unsigned End = SP.E;
    if (New.OwnsSemicolon) {
      size_t Semi = Buffer.find_first_not_of(" \t", End);
      if (Semi < Within.E && Buffer[Semi] == ';')
        End = Semi + 1;
    }
    Out.ReplaceText(SP.B - Within.B, End - SP.B, New.Text);
    Pos = End;
  }
  return std::string(Out.begin(), Out.end());
}

std::string SourceRewriter::lineDirective(SourceLocation L) const {
  if (!Opts.LineDirectives)
    return "";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
  // Absolute (a header may be named relative to a -I directory), so that
  // the prefix map applies and the copy names the same file from anywhere.
  llvm::SmallString<256> Path(P.getFilename());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  for (auto It = Opts.FilePrefixMap.rbegin(); It != Opts.FilePrefixMap.rend(); ++It)
    if (llvm::sys::path::replace_path_prefix(Path, It->first, It->second))
      break;
  std::string Name;
  for (char Ch : Path) {
    if (Ch == '\\' || Ch == '"')
      Name += '\\';
    Name += Ch;
  }
  return "#line " + std::to_string(P.getLine()) + " \"" + Name + "\"\n";
}

unsigned SourceRewriter::column(SourceLocation L) const {
  return SM.getExpansionColumnNumber(SM.getExpansionLoc(L));
}

unsigned SourceRewriter::endOfToken(SourceLocation L) const {
  SourceLocation End = Lexer::getLocForEndOfToken(L, 0, SM, Ctx.getLangOpts());
  return SM.getFileOffset(SM.getExpansionLoc(End));
}

std::optional<unsigned> SourceRewriter::closingParenAfter(SourceLocation L) const {
  std::optional<Token> Next = Lexer::findNextToken(SM.getExpansionLoc(L), SM, Ctx.getLangOpts());
  if (!Next || !Next->is(tok::r_paren))
    return std::nullopt;
  return SM.getFileOffset(Next->getLocation()) + 1;
}

} // namespace coflat
