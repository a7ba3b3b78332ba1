// SPDX-License-Identifier: MIT
// Platforms without an implementation: nothing is known, and views say so ("—"), never 0.
#include "processsampler.h"

namespace ProcessLab {

struct ProcessSampler::Platform
{
};

ProcessSampler::ProcessSampler() = default;
ProcessSampler::~ProcessSampler() = default;

bool ProcessSampler::isAvailable()
{
    return false;
}

void ProcessSampler::watch(std::int64_t)
{
}

std::optional<ProcessUsage> ProcessSampler::read(std::int64_t)
{
    return std::nullopt;
}

std::optional<std::int64_t> ProcessSampler::endedCpuNs(std::int64_t)
{
    return std::nullopt;
}

void ProcessSampler::forget(std::int64_t)
{
}

} // namespace ProcessLab
