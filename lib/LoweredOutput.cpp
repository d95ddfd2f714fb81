//===- LoweredOutput.cpp - The lowered file and what it depends on ---------===//
#include "LoweredOutput.h"

#include "clang/Basic/FileManager.h"
#include "clang/Rewrite/Core/Rewriter.h"

#include <algorithm>

using namespace clang;

namespace coflat {

void writeLoweredFile(SourceManager &SM, llvm::ArrayRef<Edit> Edits, LoweredFile &Out) {
  Rewriter R(SM, LangOptions());
  FileID Main = SM.getMainFileID();
  SourceLocation Start = SM.getLocForStartOfFile(Main);
  for (const Edit &E : Edits)
    R.ReplaceText(Start.getLocWithOffset(E.Range.B), E.Range.E - E.Range.B, E.Text);
  if (const RewriteBuffer *B = R.getRewriteBufferFor(Main))
    Out.Text = std::string(B->begin(), B->end());
  else
    Out.Text = SM.getBufferData(Main).str();
  Out.Changed = !Edits.empty();
  // Absolute, canonical paths: a compile command may run elsewhere.
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    Out.Dependencies.push_back(SM.getFileManager().getCanonicalName(It->first).str());
  std::sort(Out.Dependencies.begin(), Out.Dependencies.end());
  Out.Dependencies.erase(std::unique(Out.Dependencies.begin(), Out.Dependencies.end()),
                         Out.Dependencies.end());
  Out.Ok = true;
}

} // namespace coflat
