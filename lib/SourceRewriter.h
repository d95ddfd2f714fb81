//===- SourceRewriter.h - The user's text, with some nodes replaced --------===//
//
// The engine under the printers: where a node's text lies in the file that
// holds a coroutine's definition (the main file or a header), and a range's
// text with chosen nodes in it replaced (clang::RewriteBuffer),
// so that the user's text, comments and layout survive wherever nothing had
// to change.
//
//===----------------------------------------------------------------------===//
#ifndef COFLAT_LIB_SOURCEREWRITER_H
#define COFLAT_LIB_SOURCEREWRITER_H

#include "EmitOptions.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <string>

namespace coflat {

/// Offsets in one file, the end one past the last character.
struct Span {
  unsigned B = 0, E = 0;
};

/// The file that holds FD's definition (where its text is written).
clang::FileID definitionFile(const clang::FunctionDecl *FD, const clang::SourceManager &SM);

/// Where the definition of FD starts and ends in its file: from its
/// first attribute-specifier (`[[nodiscard]]` lies before the declaration's
/// own range), so that the attributes stay on the function rather than on
/// the frame struct.
Span definitionRange(const clang::FunctionDecl *FD, const clang::SourceManager &SM);

class SourceRewriter {
public:
  /// Rewrites the text of File.
  SourceRewriter(clang::ASTContext &Ctx, clang::FileID File, const EmitOptions &Opts);

  /// Where a node's text lies: a macro argument's where it is written in the
  /// invocation, a macro body's as the whole invocation.
  Span span(clang::SourceRange R) const;
  Span span(const clang::Stmt *S) const { return span(S->getSourceRange()); }
  llvm::StringRef text(Span S) const { return Buffer.substr(S.B, S.E - S.B); }
  llvm::StringRef buffer() const { return Buffer; }

  /// A replacement's text, and whether it stands for the user's `;` after
  /// the node as well (a statement printed with its own, or a block), so
  /// that an `else` after it still parses.
  struct Printed {
    std::string Text;
    bool OwnsSemicolon = false;
  };

  /// Within's text with every outermost node below Root that Rewrites
  /// selects (not looking into lambdas, whose bodies are other functions,
  /// though a lambda itself may be selected)
  /// replaced by what Print gives for it.
  std::string rewrite(const clang::Stmt *Root, Span Within,
                      llvm::function_ref<bool(const clang::Stmt *)> Rewrites,
                      llvm::function_ref<Printed(const clang::Stmt *)> Print) const;

  /// `#line N "file"` for L's line (with the file prefix map applied), or
  /// nothing without line directives.
  std::string lineDirective(clang::SourceLocation L) const;
  /// L's column where it is written (1-based).
  unsigned column(clang::SourceLocation L) const;

  /// The offset one past the token that starts at L.
  unsigned endOfToken(clang::SourceLocation L) const;
  /// The `)` right after L's token, if that is the next token.
  std::optional<unsigned> closingParenAfter(clang::SourceLocation L) const;

private:
  void collect(const clang::Stmt *S, Span Within,
               llvm::function_ref<bool(const clang::Stmt *)> Rewrites,
               llvm::SmallVectorImpl<const clang::Stmt *> &Out) const;

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const EmitOptions &Opts;
  llvm::StringRef Buffer;
};

} // namespace coflat

#endif // COFLAT_LIB_SOURCEREWRITER_H
