// SPDX-License-Identifier: MIT
#include "exampleregistry.h"

#include "basicexamples.h"

namespace ProcessLab {

HostScript ExampleDefinition::script(const QVariantMap &resolvedKnobs) const
{
    return buildScript(resolvedKnobs, pythonSource());
}

QHash<QString, int> ExampleDefinition::traceSourceLines() const
{
    const SourceListing python = pythonSource();
    QHash<QString, int> lines;
    for (auto it = traceLines.cbegin(); it != traceLines.cend(); ++it)
        lines.insert(it.key(), python.lineOf(it.value()));
    return lines;
}

namespace ExampleRegistry {

const QList<ExampleDefinition> &all()
{
    static const QList<ExampleDefinition> examples = {
        processExample(),
        subclassExample(),
    };
    return examples;
}

const ExampleDefinition *find(const QString &id)
{
    for (const ExampleDefinition &example : all()) {
        if (example.id == id)
            return &example;
    }
    return nullptr;
}

QString groupTitle(ExampleGroup group, bool chinese)
{
    switch (group) {
    case ExampleGroup::Basics: return chinese ? QStringLiteral("基本用法") : QStringLiteral("Basics");
    case ExampleGroup::Communication:
        return chinese ? QStringLiteral("进程间通信") : QStringLiteral("Inter-process communication");
    case ExampleGroup::Pool: return chinese ? QStringLiteral("进程池") : QStringLiteral("Process pool");
    }
    return {};
}

} // namespace ExampleRegistry
} // namespace ProcessLab
