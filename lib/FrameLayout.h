//===- FrameLayout.h - The frame struct's members, in order ----------------===//
#ifndef COFLAT_LIB_FRAMELAYOUT_H
#define COFLAT_LIB_FRAMELAYOUT_H

#include "CoroutineModel.h"

#include "clang/AST/ASTContext.h"

namespace coflat {

/// The frame's members as the struct declares them: coflat_self, the
/// parameters, one union per storage slot, then the alive flags; with the
/// offsets the target's ABI gives them after the runtime's state class.
FrameLayout layoutFrame(const Coroutine &C, clang::ASTContext &Ctx);

} // namespace coflat

#endif // COFLAT_LIB_FRAMELAYOUT_H
