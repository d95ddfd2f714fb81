//===- coflat.cpp - The command-line driver --------------------------------===//
//
// Option parsing only (llvm::cl, with clang-tidy's conventions for the
// compilation database); the work is in lib/.
//
//===----------------------------------------------------------------------===//
#include "Lowering.h"
#include "StateGraph.h"

#include "clang/Basic/Version.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

using namespace llvm;

namespace {

constexpr int ExitOk = 0, ExitInputError = 1, ExitUsage = 2;

const char *Usage =
    "usage: coflat lower <source>... [-o <file> | --out-dir <dir>] [-p <build-dir>]\n"
    "                    [--include-dir <dir>] [--MD --MF <depfile>] [--no-line-directives]\n"
    "                    [--file-prefix-map=<old>=<new>] [-- <compiler args>]\n"
    "       coflat states <source> [--format=text|json|dot] [--function=<name>] [--instantiations]\n"
    "                     [-p <build-dir>] [-- <compiler args>]\n"
    "       coflat --version | --help | <command> --help\n";

cl::OptionCategory Category("coflat options");
cl::SubCommand Lower("lower", "Rewrite the coroutines of each source as C++17 state machines");
cl::SubCommand States("states", "Show each coroutine's states, transitions and frame layout");

// --- both commands ---
cl::list<std::string> Sources(cl::Positional, cl::desc("<source>..."), cl::sub(Lower), cl::sub(States),
                              cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json"),
                               cl::value_desc("build-dir"), cl::sub(Lower), cl::sub(States),
                               cl::cat(Category));
cl::list<std::string> ExtraArgs("extra-arg", cl::desc("An argument to append to the compile command"),
                                cl::sub(Lower), cl::sub(States), cl::cat(Category));
cl::list<std::string> ExtraArgsBefore("extra-arg-before",
                                      cl::desc("An argument to prepend to the compile command"),
                                      cl::sub(Lower), cl::sub(States), cl::cat(Category));

// --- lower ---
cl::opt<std::string> Output("o", cl::desc("Write the lowered source to <file> (one source)"),
                            cl::value_desc("file"), cl::sub(Lower), cl::cat(Category));
cl::opt<std::string> OutDir("out-dir", cl::desc("Write each lowered source into <dir>, by its file name"),
                            cl::value_desc("dir"), cl::sub(Lower), cl::cat(Category));
cl::opt<std::string> IncludeDir(
    "include-dir",
    cl::desc("Write lowered copies of headers found through the include path into <dir>, for the build "
             "to search first (default: <output dir>/coflat-include)"),
    cl::value_desc("dir"), cl::sub(Lower), cl::cat(Category));
cl::opt<bool> MD("MD", cl::desc("Write a Makefile depfile of the sources and every header they read"),
                 cl::sub(Lower), cl::cat(Category));
cl::opt<std::string> MF("MF", cl::desc("The depfile --MD writes"), cl::value_desc("depfile"), cl::sub(Lower),
                        cl::cat(Category));
cl::opt<bool> NoLineDirectives("no-line-directives", cl::desc("Write no #line directives"),
                               cl::sub(Lower), cl::cat(Category));
cl::list<std::string> FilePrefixMap(
    "file-prefix-map",
    cl::desc("Write paths under <old> in #line directives as under <new> (the last match wins)"),
    cl::value_desc("old=new"), cl::sub(Lower), cl::cat(Category));
cl::alias FilePrefixMapCompilerSpelling("ffile-prefix-map", cl::desc("Alias for --file-prefix-map"),
                                        cl::aliasopt(FilePrefixMap), cl::cat(Category));

// --- states ---
cl::opt<std::string> Format("format", cl::desc("text, json (docs/states.md) or dot"), cl::init("text"),
                            cl::value_desc("format"), cl::sub(States), cl::cat(Category));
cl::opt<bool> Instantiations("instantiations",
                             cl::desc("After a template's machine, the frame of each instantiation the source makes"),
                             cl::sub(States), cl::cat(Category));
cl::opt<std::string> Function("function", cl::desc("Only the coroutine with this (qualified) name"),
                              cl::value_desc("name"), cl::sub(States), cl::cat(Category));

int usage(const Twine &Msg) {
  errs() << "coflat: error: " << Msg << "\n" << Usage;
  return ExitUsage;
}

bool writeFile(StringRef Path, StringRef Text) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_None);
  if (EC) {
    errs() << "coflat: error: cannot write '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  OS << Text;
  return true;
}

/// Writes a lowered header copy: several sources that include the header
/// write it, perhaps at once, always with the same bytes.  An unchanged
/// copy is left alone (its time stamp too, so nothing rebuilds); a changed
/// one is replaced whole by a rename, so that no compiler reads half of it.
bool writeHeaderCopy(StringRef Path, StringRef Text) {
  if (auto Old = MemoryBuffer::getFile(Path); Old && (*Old)->getBuffer() == Text)
    return true;
  if (std::error_code EC = sys::fs::create_directories(sys::path::parent_path(Path))) {
    errs() << "coflat: error: cannot create the directory of '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  SmallString<256> Temp;
  int FD;
  if (std::error_code EC = sys::fs::createUniqueFile(Path + ".tmp%%%%%%", FD, Temp)) {
    errs() << "coflat: error: cannot write '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
  }
  if (std::error_code EC = sys::fs::rename(Temp, Path)) {
    sys::fs::remove(Temp);
    errs() << "coflat: error: cannot write '" << Path << "': " << EC.message() << "\n";
    return false;
  }
  return true;
}

std::string escapeMake(StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (C == ' ' || C == '#')
      Out += '\\';
    if (C == '$')
      Out += '$';
    Out += C;
  }
  return Out;
}

/// The compilation database, as clang-tidy finds it: the arguments after
/// `--`, else -p's compile_commands.json, else one found above the first
/// source, else no flags; then --extra-arg(-before).
std::unique_ptr<clang::tooling::CompilationDatabase> database(const std::vector<std::string> *FixedArgs,
                                                              std::string &Err) {
  std::unique_ptr<clang::tooling::CompilationDatabase> DB;
  if (FixedArgs)
    DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(".", *FixedArgs);
  else if (!BuildPath.empty())
    DB = clang::tooling::CompilationDatabase::loadFromDirectory(BuildPath, Err);
  else if (!(DB = clang::tooling::CompilationDatabase::autoDetectFromSource(Sources.front(), Err)))
    DB = std::make_unique<clang::tooling::FixedCompilationDatabase>(".", std::vector<std::string>());
  if (!DB)
    return nullptr;
  auto Adjusting = std::make_unique<clang::tooling::ArgumentsAdjustingCompilations>(std::move(DB));
  Adjusting->appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
      ExtraArgsBefore, clang::tooling::ArgumentInsertPosition::BEGIN));
  Adjusting->appendArgumentsAdjuster(
      clang::tooling::getInsertArgumentAdjuster(ExtraArgs, clang::tooling::ArgumentInsertPosition::END));
  return Adjusting;
}

bool sourcesExist() {
  for (const std::string &S : Sources)
    if (!sys::fs::exists(S)) {
      errs() << "coflat: error: no such file: '" << S << "'\n";
      return false;
    }
  return true;
}

int runStates(const std::vector<std::string> *FixedArgs) {
  if (Sources.size() != 1)
    return usage("states takes one source");
  if (Format != "text" && Format != "json" && Format != "dot")
    return usage("--format must be text, json or dot");
  if (!sourcesExist())
    return ExitInputError;
  std::string Err;
  auto DB = database(FixedArgs, Err);
  if (!DB)
    return usage("cannot load compile_commands.json from '" + BuildPath + "': " + Err);
  auto Graphs = coflat::inspectFile(*DB, Sources.front(), Function, Instantiations);
  if (!Graphs) {
    consumeError(Graphs.takeError());
    return ExitInputError;
  }
  if (!Function.empty() && Graphs->empty()) {
    errs() << "coflat: error: no coroutine named '" << Function << "' in '" << Sources.front() << "'\n";
    return ExitInputError;
  }
  if (Format == "json") {
    coflat::printJson(*Graphs, outs());
  } else if (Format == "dot") {
    outs() << "digraph coflat {\n  node [fontname=\"monospace\", fontsize=10];\n";
    for (const coflat::StateGraph &G : *Graphs)
      coflat::printDot(G, outs());
    outs() << "}\n";
  } else {
    for (size_t I = 0; I < Graphs->size(); ++I) {
      if (I)
        outs() << "\n";
      coflat::printText((*Graphs)[I], outs());
    }
  }
  return ExitOk;
}

int runLower(const std::vector<std::string> *FixedArgs) {
  if (Sources.empty())
    return usage("no source files");
  if (!Output.empty() && !OutDir.empty())
    return usage("-o and --out-dir are exclusive");
  if (!Output.empty() && Sources.size() > 1)
    return usage("-o takes one source; use --out-dir for several");
  if (Output.empty() && OutDir.empty() && Sources.size() > 1)
    return usage("several sources need --out-dir");
  if (MD != !MF.empty())
    return usage("--MD and --MF <depfile> go together");
  if (MD && Output.empty() && OutDir.empty())
    return usage("--MD needs -o or --out-dir");
  coflat::LowerOptions Opts;
  Opts.Emit.LineDirectives = !NoLineDirectives;
  // Lowered headers: beside the lowered sources, or in the include tree.
  if (!OutDir.empty())
    Opts.SourceDir = OutDir;
  else if (!Output.empty())
    Opts.SourceDir = sys::path::parent_path(Output).empty() ? "." : sys::path::parent_path(Output).str();
  if (!IncludeDir.empty())
    Opts.IncludeDir = IncludeDir;
  else if (!Opts.SourceDir.empty())
    Opts.IncludeDir = Opts.SourceDir + "/coflat-include";
  for (StringRef Map : FilePrefixMap) {
    auto [Old, New] = Map.split('=');
    if (Old.size() == Map.size() || Old.empty())
      return usage("--file-prefix-map takes <old>=<new>, not '" + Map + "'");
    Opts.Emit.FilePrefixMap.emplace_back(Old.str(), New.str());
  }

  std::string Err;
  auto DB = database(FixedArgs, Err);
  if (!DB)
    return usage("cannot load compile_commands.json from '" + BuildPath + "': " + Err);
  if (!sourcesExist())
    return ExitInputError;
  auto Files = coflat::lowerFiles(*DB, Sources, Opts);
  if (!Files) {
    consumeError(Files.takeError());
    return ExitInputError;
  }
  std::string Deps;
  for (const coflat::LoweredFile &F : *Files) {
    std::string Target = Output;
    if (!OutDir.empty()) {
      SmallString<256> P(OutDir);
      sys::path::append(P, sys::path::filename(F.Source));
      Target = std::string(P);
    }
    if (Target.empty() && !F.Headers.empty()) {
      errs() << "coflat: error: '" << F.Source
             << "' includes headers with coroutines; their lowered copies need -o or --out-dir\n";
      return ExitInputError;
    }
    if (Target.empty())
      outs() << F.Text;
    else if (!writeFile(Target, F.Text))
      return ExitInputError;
    for (const coflat::LoweredHeader &H : F.Headers)
      for (const coflat::HeaderPlacement &At : H.Paths) {
        bool Beside = At.From == coflat::HeaderPlacement::Root::Source;
        SmallString<256> P(Beside ? Opts.SourceDir : Opts.IncludeDir);
        sys::path::append(P, At.Path);
        if (!writeHeaderCopy(P, H.Text))
          return ExitInputError;
      }
    if (MD) {
      Deps += escapeMake(Target) + ":";
      for (const std::string &D : F.Dependencies)
        Deps += " \\\n  " + escapeMake(D);
      Deps += "\n";
    }
  }
  if (MD && !writeFile(MF, Deps))
    return ExitInputError;
  return ExitOk;
}

} // namespace

int main(int argc, char **argv) {
  // What follows `--` is the compile command (a fixed database), as in
  // Clang's tools; the options before it are parsed here.
  std::vector<const char *> Args(argv, argv + argc);
  std::vector<std::string> Fixed;
  bool HasFixed = false;
  for (size_t I = 1; I < Args.size(); ++I)
    if (StringRef(Args[I]) == "--") {
      HasFixed = true;
      Fixed.assign(Args.begin() + I + 1, Args.end());
      Args.resize(I);
      break;
    }
  if (Args.size() < 2)
    return usage("no command");
  StringRef Command = Args[1];
  if (!Command.starts_with("-") && Command != "lower" && Command != "states")
    return usage("unknown command '" + Command + "'");

  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "coflat 0.1.0 (Clang " << CLANG_VERSION_MAJOR_STRING << ")\n";
  });
  for (cl::SubCommand *Sub : {&cl::SubCommand::getTopLevel(), &Lower, &States})
    cl::HideUnrelatedOptions(Category, *Sub);
  if (!cl::ParseCommandLineOptions(int(Args.size()), Args.data(),
                                   "coflat: C++20 generators and tasks as C++17 state machines\n", &errs())) {
    errs() << Usage;
    return ExitUsage;
  }
  if (!Lower && !States)
    return usage("no command");
  return States ? runStates(HasFixed ? &Fixed : nullptr) : runLower(HasFixed ? &Fixed : nullptr);
}
