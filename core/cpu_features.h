#pragma once
// Internal to the core: the instruction-set extensions beyond the x86-64 baseline that the CPU
// running lngeom has. The build targets the baseline, so that one binary runs on every x86-64
// machine, and the hot kernels of the statistics pass pick a wider path at run time. Elsewhere
// than on x86-64 every answer is false. LNGEOM_CPU_BASELINE=1 in the environment makes every
// answer false too, so that the baseline paths can be checked against the wide ones (they must
// give the same bytes) on a machine that has the extensions.

#include <cstdlib>
#include <cstring>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

namespace lngeom {

inline bool cpu_baseline_forced() {
    static const bool forced = [] {
        const char* value = std::getenv("LNGEOM_CPU_BASELINE");
        return value && std::strcmp(value, "1") == 0;
    }();
    return forced;
}

inline bool cpu_has_avx2() {
#if defined(__x86_64__)
    static const bool has = !cpu_baseline_forced() && __builtin_cpu_supports("avx2");
    return has;
#else
    return false;
#endif
}

// F16C's conversions take VEX encodings, so AVX (with the OS saving its registers) is checked
// too. CPUID directly: clang 14's __builtin_cpu_supports does not know "f16c".
inline bool cpu_has_f16c() {
#if defined(__x86_64__)
    static const bool has = [] {
        unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
        return !cpu_baseline_forced() && __builtin_cpu_supports("avx") &&
               __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_F16C) != 0;
    }();
    return has;
#else
    return false;
#endif
}

}  // namespace lngeom
