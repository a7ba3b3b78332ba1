// SPDX-License-Identifier: MIT
#pragma once

#include "examples/hostscript.h"
#include "scriptobject.h"

#include <QHash>

#include <functional>

namespace ProcessLab {

// Evaluates an expression of the main program against its variables and objects. Errors
// read like Python's ("NameError: name 'x' is not defined").
using ScriptObjectLookup = std::function<const ScriptObject *(const QString &name)>;
ScriptResult evaluateExpression(const ScriptExpression &expression, const QHash<QString, QCborValue> &variables,
                                const ScriptObjectLookup &objects);

} // namespace ProcessLab
