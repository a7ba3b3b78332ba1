// SPDX-License-Identifier: MIT
#include "poolfunctions.h"

#include "runtime/pythonvalue.h"

#include <QCborArray>

namespace ProcessLab {

PoolFunctionName poolFunctionName(const QString &functionId)
{
    // The worker's functions (src/worker/pool_behaviours.cpp) under the names the listings use.
    if (functionId == QLatin1StringView("pool.tutorial-worker"))
        return {QStringLiteral("worker"), 1}; // (num, sleep): the sleep is the listing's time.sleep()
    if (functionId == QLatin1StringView("square"))
        return {QStringLiteral("square"), -1};
    return {functionId, -1};
}

QString poolCallText(const QString &functionId, const QCborValue &arguments, bool isArgumentList)
{
    const PoolFunctionName name = poolFunctionName(functionId);
    QString text = name.python + u'(';
    if (isArgumentList && arguments.isArray()) {
        const QCborArray list = arguments.toArray();
        const qsizetype shown = name.shownArguments < 0 ? list.size() : std::min(list.size(), name.shownArguments);
        for (qsizetype i = 0; i < shown; ++i) {
            if (i)
                text += QStringLiteral(", ");
            text += pythonRepr(list.at(i));
        }
    } else if (!(isArgumentList && (arguments.isNull() || arguments.isUndefined()))) {
        text += pythonRepr(arguments);
    }
    return text + u')';
}

QString poolChunkText(const QString &functionId, qint64 firstItem, qint64 itemCount)
{
    const QString name = poolFunctionName(functionId).python;
    if (itemCount == 1)
        return QStringLiteral("%1 × 1 (item %2)").arg(name).arg(firstItem);
    return QStringLiteral("%1 × %2 (items %3..%4)").arg(name).arg(itemCount).arg(firstItem).arg(firstItem + itemCount - 1);
}

} // namespace ProcessLab
