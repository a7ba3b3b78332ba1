// SPDX-License-Identifier: MIT
#pragma once

// Internal: the pause instruction of a spin loop (lets the sibling hyper-thread run).

#include <thread>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

namespace ProcessLab::Shm {

inline void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    _mm_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#else
    std::this_thread::yield();
#endif
}

} // namespace ProcessLab::Shm
