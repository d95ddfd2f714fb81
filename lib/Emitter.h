//===- Emitter.h - Writes a coroutine as a frame struct and a switch -------===//
#ifndef COFLAT_LIB_EMITTER_H
#define COFLAT_LIB_EMITTER_H

#include "CoroutineModel.h"

#include "clang/AST/ASTContext.h"

#include <string>

namespace coflat {

struct EmitOptions {
  bool LineDirectives = true;
};

/// Where the definition of FD starts and ends in the main file (offsets,
/// the end one past the closing brace): from its first attribute-specifier
/// (`[[nodiscard]]` lies before the declaration's own range), so that the
/// attributes stay on the function rather than on the frame struct.
std::pair<unsigned, unsigned> definitionRange(const clang::FunctionDecl *FD,
                                              const clang::SourceManager &SM);

/// The text that replaces definitionRange(C.F): the frame struct, the
/// function (now only creating the frame), and the frame's resume and
/// unwind functions.  The user's statements are copied with their comments
/// and layout; generated code inside the body stays on the user's lines so
/// that #line directives keep every line number right.  It prints the
/// model and refuses nothing: every refusal is the analysis's.
std::string emitCoroutine(const Coroutine &C, clang::ASTContext &Ctx, const EmitOptions &Opts);

} // namespace coflat

#endif // COFLAT_LIB_EMITTER_H
