// coflat/detail/closure_storage.h - a lambda's closure kept in a lowered
// frame across a suspension.
//
// A closure type is local to the function that writes the lambda, so the
// frame, declared before its resume function, cannot name it.  The frame
// keeps closure_storage<Size, Align, Destroyed>, whose bytes the tool sizes
// from the closure's layout; the resume function names the closure type
// through the lambda itself (`decltype` of a factory's result) and
// constructs, reads and (through `destroy`) ends the closure in the bytes.
//
// Invariants: emplace_closure checks at compile time that the closure fits
// (a compiler that lays it out otherwise fails to compile, never
// misbehaves); `destroy` is set exactly when Destroyed, by emplace_closure,
// before the closure can be destroyed; closure_ref is valid between
// emplace_closure and destroy_at.
#ifndef COFLAT_DETAIL_CLOSURE_STORAGE_H
#define COFLAT_DETAIL_CLOSURE_STORAGE_H

#include <cstddef>
#include <new>

namespace coflat::detail {

template <std::size_t Size, std::size_t Align, bool Destroyed> struct closure_storage {
  alignas(Align) unsigned char bytes[Size];
};

template <std::size_t Size, std::size_t Align> struct closure_storage<Size, Align, true> {
  alignas(Align) unsigned char bytes[Size];
  void (*destroy)(void*) noexcept;
};

/// Constructs the closure that `make()` returns in place (no copy: a
/// prvalue initialises it).
template <class T, std::size_t Size, std::size_t Align, bool Destroyed, class Make>
T& emplace_closure(closure_storage<Size, Align, Destroyed>& storage, Make& make) {
  static_assert(sizeof(T) <= Size && alignof(T) <= Align,
                "coflat: this compiler lays out the closure unlike the lowering compiler; "
                "lower with the same target");
  T* closure = ::new (static_cast<void*>(storage.bytes)) T(make());
  if constexpr (Destroyed)
    storage.destroy = [](void* p) noexcept { static_cast<T*>(p)->~T(); };
  return *closure;
}

template <class T, std::size_t Size, std::size_t Align, bool Destroyed>
T& closure_ref(closure_storage<Size, Align, Destroyed>& storage) noexcept {
  return *std::launder(reinterpret_cast<T*>(storage.bytes));
}

template <std::size_t Size, std::size_t Align> void destroy_at(closure_storage<Size, Align, true>& storage) noexcept {
  storage.destroy(storage.bytes);
}

} // namespace coflat::detail

#endif // COFLAT_DETAIL_CLOSURE_STORAGE_H
