// SPDX-License-Identifier: MIT
#include "pythonvalue.h"

#include "protocol/pythonformat.h"
#include "protocolqt.h"

namespace ProcessLab {

QString pythonRepr(const QCborValue &value)
{
    return Protocol::toQString(Protocol::pythonRepr(Protocol::fromQCborValue(value)));
}

QString pythonStr(const QCborValue &value)
{
    return Protocol::toQString(Protocol::pythonStr(Protocol::fromQCborValue(value)));
}

} // namespace ProcessLab
