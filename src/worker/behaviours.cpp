// SPDX-License-Identifier: MIT
// Compiled once per worker executable: PROCESSLAB_TEST_WORKER adds the test behaviours.
#include "behaviours.h"

namespace ProcessLab::Worker {

BehaviourFunction findBehaviour(std::string_view name)
{
    const std::span<const Behaviour> groups[] = {
        basicBehaviours(),
        ipcBehaviours(),
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

} // namespace ProcessLab::Worker
