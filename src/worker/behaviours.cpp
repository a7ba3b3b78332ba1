// SPDX-License-Identifier: MIT
#include "behaviours.h"

namespace ProcessLab::Worker {

BehaviourFunction findBehaviour(std::string_view name)
{
    for (const std::span<const Behaviour> group : {basicBehaviours(), testBehaviours()}) {
        for (const Behaviour &behaviour : group) {
            if (name == behaviour.name)
                return behaviour.run;
        }
    }
    return nullptr;
}

} // namespace ProcessLab::Worker
