//===- IncludeTree.cpp - Where lowered copies of headers go ----------------===//
#include "IncludeTree.h"

#include "Diagnostics.h"

#include "clang/Lex/PPCallbacks.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace coflat {

class IncludeRecorder : public PPCallbacks {
public:
  IncludeRecorder(IncludeTree &Tree, const SourceManager &SM) : Tree(Tree), SM(SM) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &, StringRef, bool, CharSourceRange,
                          OptionalFileEntryRef File, StringRef SearchPath, StringRef RelativePath,
                          const Module *, bool, SrcMgr::CharacteristicKind FileType) override {
    if (!File)
      return;
    IncludeTree::Inclusion I;
    I.HashLoc = HashLoc;
    I.Includer = SM.getFileID(SM.getExpansionLoc(HashLoc));
    I.Included = &File->getFileEntry();
    I.RelativePath = RelativePath.str();
    I.System = FileType != SrcMgr::C_User;
    if (OptionalFileEntryRef From = SM.getFileEntryRefForID(I.Includer))
      I.BesideIncluder = sameDirectory(SearchPath, From->getDir().getName());
    Tree.Inclusions.push_back(std::move(I));
  }

private:
  static bool sameDirectory(StringRef A, StringRef B) {
    if (A == B)
      return true;
    llvm::SmallString<256> RA, RB;
    return !llvm::sys::fs::real_path(A.empty() ? "." : A, RA) &&
           !llvm::sys::fs::real_path(B.empty() ? "." : B, RB) && RA == RB;
  }

  IncludeTree &Tree;
  const SourceManager &SM;
};

void IncludeTree::record(Preprocessor &PP) {
  SM = &PP.getSourceManager();
  PP.addPPCallbacks(std::make_unique<IncludeRecorder>(*this, PP.getSourceManager()));
}

std::map<const FileEntry *, std::set<HeaderPlacement>>
IncludeTree::placements(llvm::DenseSet<const FileEntry *> &Needed, DiagnosticsEngine &Diags) const {
  const FileEntry *Main = SM->getFileEntryForID(SM->getMainFileID());
  auto IncluderEntry = [&](const Inclusion &I) { return SM->getFileEntryForID(I.Includer); };
  // An includer of a copied header is copied too (unless it is the main
  // file, which is lowered anyway, or a system header), and so is a header
  // found beside a copied one: the copy's own directory is searched first.
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const Inclusion &I : Inclusions) {
      if (I.System)
        continue;
      const FileEntry *From = IncluderEntry(I);
      if (Needed.contains(I.Included) && From && From != Main &&
          SM->getFileCharacteristic(SM->getLocForStartOfFile(I.Includer)) == SrcMgr::C_User)
        Grew |= Needed.insert(From).second;
      if (I.BesideIncluder && From && Needed.contains(From))
        Grew |= Needed.insert(I.Included).second;
    }
  }
  std::map<const FileEntry *, std::set<HeaderPlacement>> Out;
  llvm::DenseSet<unsigned> Reported;
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const Inclusion &I : Inclusions) {
      if (I.System || !Needed.contains(I.Included))
        continue;
      std::vector<HeaderPlacement> Bases;
      const FileEntry *From = IncluderEntry(I);
      if (!I.BesideIncluder)
        Bases.push_back({HeaderPlacement::Root::Include, ""});
      else if (From == Main)
        Bases.push_back({HeaderPlacement::Root::Source, ""});
      else if (auto It = Out.find(From); It != Out.end())
        for (const HeaderPlacement &P : It->second)
          Bases.push_back({P.From, llvm::sys::path::parent_path(P.Path, llvm::sys::path::Style::posix).str()});
      for (const HeaderPlacement &Base : Bases) {
        llvm::SmallString<256> P(Base.Path);
        llvm::sys::path::append(P, llvm::sys::path::Style::posix, I.RelativePath);
        llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true, llvm::sys::path::Style::posix);
        if (P.starts_with("..") || llvm::sys::path::is_absolute(P)) {
          if (Reported.insert(I.HashLoc.getRawEncoding()).second)
            report(Diags, I.HashLoc, Diag::HeaderOutsideTree, {I.RelativePath});
          continue;
        }
        Grew |= Out[I.Included].insert({Base.From, std::string(P)}).second;
      }
    }
  }
  return Out;
}

} // namespace coflat
