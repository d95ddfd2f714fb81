//===- LoweredOutput.cpp - The lowered files and what they depend on -------===//
#include "LoweredOutput.h"

#include "Diagnostics.h"

#include "clang/Basic/FileManager.h"
#include "clang/Rewrite/Core/Rewriter.h"

#include <algorithm>

using namespace clang;

namespace coflat {

static std::string editedText(SourceManager &SM, FileID File, llvm::ArrayRef<Edit> Edits) {
  Rewriter R(SM, LangOptions());
  SourceLocation Start = SM.getLocForStartOfFile(File);
  for (const Edit &E : Edits)
    R.ReplaceText(Start.getLocWithOffset(E.Range.B), E.Range.E - E.Range.B, E.Text);
  if (const RewriteBuffer *B = R.getRewriteBufferFor(File))
    return std::string(B->begin(), B->end());
  return SM.getBufferData(File).str();
}

void writeLoweredFiles(SourceManager &SM, const std::map<FileID, std::vector<Edit>> &Edits,
                       const IncludeTree &Tree, LoweredFile &Out) {
  FileID Main = SM.getMainFileID();
  static const std::vector<Edit> None;
  auto MainEdits = Edits.find(Main);
  Out.Text = editedText(SM, Main, MainEdits == Edits.end() ? None : MainEdits->second);
  Out.Changed = !Edits.empty();

  // One text per header, whichever inclusion of it was parsed.
  std::map<const FileEntry *, std::string> Texts;
  llvm::DenseSet<const FileEntry *> Needed;
  DiagnosticsEngine &Diags = SM.getDiagnostics();
  for (const auto &[File, FileEdits] : Edits) {
    if (File == Main)
      continue;
    const FileEntry *FE = SM.getFileEntryForID(File);
    std::string Text = editedText(SM, File, FileEdits);
    auto [It, New] = Texts.emplace(FE, Text);
    if (!New && It->second != Text)
      report(Diags, SM.getIncludeLoc(File), Diag::HeaderLowersDifferently,
             {SM.getFileEntryRefForID(File)->getName().str()});
    Needed.insert(FE);
  }
  for (const auto &[FE, Paths] : Tree.placements(Needed, Diags)) {
    LoweredHeader H;
    H.Paths.assign(Paths.begin(), Paths.end());
    if (auto It = Texts.find(FE); It != Texts.end())
      H.Text = It->second;
    else
      H.Text = SM.getBufferData(SM.translateFile(FE)).str();
    Out.Headers.push_back(std::move(H));
  }
  std::sort(Out.Headers.begin(), Out.Headers.end(),
            [](const LoweredHeader &A, const LoweredHeader &B) { return A.Paths < B.Paths; });

  // Absolute, canonical paths: a compile command may run elsewhere.
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    Out.Dependencies.push_back(SM.getFileManager().getCanonicalName(It->first).str());
  std::sort(Out.Dependencies.begin(), Out.Dependencies.end());
  Out.Dependencies.erase(std::unique(Out.Dependencies.begin(), Out.Dependencies.end()),
                         Out.Dependencies.end());
  Out.Ok = !Diags.hasErrorOccurred();
}

} // namespace coflat
