// SPDX-License-Identifier: MIT
#include "exampleregistry.h"

#include "basicexamples.h"
#include "ipcexamples.h"
#include "poolexamples.h"

#include <QFile>

namespace ProcessLab {

QString ExampleDefinition::tutorialText() const
{
    QFile file(pythonResource);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

HostScript ExampleDefinition::script(const QVariantMap &resolvedKnobs) const
{
    return buildScript(resolvedKnobs, pythonProgram(resolvedKnobs));
}

QHash<QString, int> ExampleDefinition::traceSourceLines(const QVariantMap &resolvedKnobs) const
{
    return pythonProgram(resolvedKnobs).traceLines;
}

namespace ExampleRegistry {

const QList<ExampleDefinition> &all()
{
    static const QList<ExampleDefinition> examples = {
        processExample(),
        subclassExample(),
        queueExample(),
        pipeExample(),
        sharedExample(),
        poolExample(),
        poolMapExample(),
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
