//===- FrameLayout.cpp - The frame struct's members, in order --------------===//
#include "FrameLayout.h"

#include "clang/AST/RecordLayout.h"

#include <algorithm>

using namespace clang;

namespace coflat {

namespace {

uint64_t alignTo(uint64_t N, uint64_t A) { return (N + A - 1) / A * A; }

/// References are held as pointers (or bound in the constructor): a
/// pointer's size.  A template's members have none yet.
std::pair<uint64_t, uint64_t> sizeAndAlign(QualType T, ASTContext &Ctx, bool Dependent) {
  if (Dependent)
    return {0, 1};
  if (T->isReferenceType())
    T = Ctx.VoidPtrTy;
  return {uint64_t(Ctx.getTypeSizeInChars(T).getQuantity()),
          uint64_t(Ctx.getTypeAlignInChars(T).getQuantity())};
}

/// A closure with a destructor is kept with a pointer to it after its bytes
/// (coflat::detail::closure_storage).
std::pair<uint64_t, uint64_t> objectSizeAndAlign(const FrameObject &O, ASTContext &Ctx, bool Dependent) {
  auto [Size, Align] = sizeAndAlign(O.Type, Ctx, Dependent);
  if (!O.Closure || !O.Type.isDestructedType())
    return {Size, Align};
  auto [PtrSize, PtrAlign] = sizeAndAlign(Ctx.VoidPtrTy, Ctx, Dependent);
  Align = std::max(Align, PtrAlign);
  return {alignTo(alignTo(Size, PtrAlign) + PtrSize, Align), Align};
}

} // namespace

FrameLayout layoutFrame(const Coroutine &C, ASTContext &Ctx) {
  FrameLayout L;
  L.Dependent = C.Dependent;
  uint64_t Offset = 0, Align = 1;
  // The base: the runtime's state class; members start at its data size
  // (Itanium C++ ABI: a non-POD base's tail padding is reused).
  if (const auto *RD = C.F->getReturnType()->getAsCXXRecordDecl()) {
    auto Found = RD->lookup(&Ctx.Idents.get("state_type"));
    if (!Found.empty())
      if (const auto *TD = dyn_cast<TypedefNameDecl>(Found.front()))
        if (const auto *Base = TD->getUnderlyingType()->getAsCXXRecordDecl();
            Base && Base->getDefinition()) {
          const ASTRecordLayout &BL = Ctx.getASTRecordLayout(Base);
          L.BaseSize = BL.getSize().getQuantity();
          Offset = BL.getDataSize().getQuantity();
          Align = BL.getAlignment().getQuantity();
        }
  }
  auto Add = [&](FrameMember M, QualType T) {
    auto [Size, A] = sizeAndAlign(T, Ctx, L.Dependent);
    Offset = alignTo(Offset, A);
    M.Offset = Offset;
    M.Size = Size;
    M.Align = A;
    L.Members.push_back(std::move(M));
    Offset += Size;
    Align = std::max(Align, A);
  };
  if (!C.SelfType.empty())
    Add({FrameMember::Role::Self, "coflat_self", C.SelfType}, Ctx.VoidPtrTy);
  for (unsigned I = 0; I < C.Objects.size(); ++I)
    if (C.Objects[I].K == FrameObject::Kind::Parameter)
      Add({FrameMember::Role::Object, C.Objects[I].Name, C.Objects[I].TypeName, int(I)},
          C.Objects[I].Type);
  // Each storage slot is a union: its members share one offset.
  int NumSlots = 0;
  for (const FrameObject &O : C.Objects)
    NumSlots = std::max(NumSlots, O.Slot + 1);
  for (int Slot = 0; Slot < NumSlots; ++Slot) {
    uint64_t SlotSize = 0, SlotAlign = 1;
    for (const FrameObject &O : C.Objects)
      if (O.Slot == Slot) {
        auto [Size, A] = objectSizeAndAlign(O, Ctx, L.Dependent);
        SlotSize = std::max(SlotSize, Size);
        SlotAlign = std::max(SlotAlign, A);
      }
    Offset = alignTo(Offset, SlotAlign);
    for (unsigned I = 0; I < C.Objects.size(); ++I)
      if (C.Objects[I].Slot == Slot) {
        const FrameObject &O = C.Objects[I];
        auto [Size, A] = objectSizeAndAlign(O, Ctx, L.Dependent);
        L.Members.push_back({FrameMember::Role::Object, O.Name, O.TypeName, int(I), Slot, Offset, Size, A});
      }
    Offset += alignTo(SlotSize, SlotAlign);
    Align = std::max(Align, SlotAlign);
  }
  for (unsigned I = 0; I < C.Objects.size(); ++I)
    if (C.Objects[I].needsDestroy())
      Add({FrameMember::Role::AliveFlag, "coflat_live_" + C.Objects[I].Name, "bool", int(I)}, Ctx.BoolTy);
  L.Align = L.Dependent ? 0 : Align;
  L.Size = L.Dependent ? 0 : alignTo(Offset, Align);
  return L;
}

} // namespace coflat
