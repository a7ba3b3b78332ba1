// SPDX-License-Identifier: MIT
#include "behaviours.h"

namespace ProcessLab::Worker {

BehaviourFunction findBehaviour(const QString &name)
{
    for (const QList<Behaviour> &group : {basicBehaviours(), testBehaviours()}) {
        for (const Behaviour &behaviour : group) {
            if (name == QLatin1StringView(behaviour.name))
                return behaviour.run;
        }
    }
    return nullptr;
}

} // namespace ProcessLab::Worker
