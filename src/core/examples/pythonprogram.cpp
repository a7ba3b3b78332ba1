// SPDX-License-Identifier: MIT
#include "pythonprogram.h"

#include <QLocale>

namespace ProcessLab {

PythonProgramWriter::PythonProgramWriter(int workers)
{
    m_program.workers.resize(qMax(workers, 0));
}

int PythonProgramWriter::add(const QString &line)
{
    m_program.text += line;
    m_program.text += QLatin1Char('\n');
    return ++m_lines;
}

int PythonProgramWriter::addStatement(const QString &name, const QString &line, const QString &context)
{
    const int number = add(line);
    m_program.statements.insert(name, {number, context});
    return number;
}

int PythonProgramWriter::addTrace(const QString &label, const QString &line)
{
    const int number = add(line);
    m_program.traceLines.insert(label, number);
    return number;
}

PythonProgram PythonProgramWriter::finish()
{
    m_program.listing = SourceListing(m_program.text);
    return std::move(m_program);
}

QString pythonNumber(double value)
{
    // 'g' with the shortest round-trip precision: 2 -> "2", 0.5 -> "0.5", never "2.000000".
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace ProcessLab
