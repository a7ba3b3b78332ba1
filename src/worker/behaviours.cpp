// SPDX-License-Identifier: MIT
// Compiled once per worker executable: PROCESSLAB_TEST_WORKER adds the test behaviours.
#include "behaviours.h"

namespace ProcessLab::Worker {

BehaviourFunction findBehaviour(std::string_view name)
{
    const std::span<const Behaviour> groups[] = {
        basicBehaviours(),
        ipcBehaviours(),
        poolBehaviours(),
        benchBehaviours(),
#ifdef PROCESSLAB_TEST_WORKER
        testBehaviours(),
        testIpcBehaviours(),
#endif
    };
    for (const std::span<const Behaviour> group : groups) {
        for (const Behaviour &behaviour : group) {
            if (name == behaviour.name)
                return behaviour.run;
        }
    }
    return nullptr;
}

PoolFunction findPoolFunction(std::string_view name)
{
    const std::span<const PoolFunctionEntry> groups[] = {
        poolFunctions(),
#ifdef PROCESSLAB_TEST_WORKER
        testPoolFunctions(),
#endif
    };
    for (const std::span<const PoolFunctionEntry> group : groups) {
        for (const PoolFunctionEntry &function : group) {
            if (name == function.name)
                return function.run;
        }
    }
    return nullptr;
}

} // namespace ProcessLab::Worker
