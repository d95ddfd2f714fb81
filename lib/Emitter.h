//===- Emitter.h - Writes a coroutine as a frame struct and a switch -------===//
#ifndef COFLAT_LIB_EMITTER_H
#define COFLAT_LIB_EMITTER_H

#include "CoroutineModel.h"

#include "clang/AST/ASTContext.h"

#include <optional>
#include <string>

namespace coflat {

struct EmitOptions {
  bool LineDirectives = true;
};

/// The text that replaces the definition of C.F: the frame struct, the
/// function (now only creating the frame), and the frame's resume and
/// unwind functions.  The user's statements are copied with their comments
/// and layout; generated code inside the body stays on the user's lines so
/// that #line directives keep every line number right.  Returns nullopt
/// after reporting an error.
std::optional<std::string> emitCoroutine(const Coroutine &C, clang::ASTContext &Ctx,
                                         const EmitOptions &Opts);

} // namespace coflat

#endif // COFLAT_LIB_EMITTER_H
