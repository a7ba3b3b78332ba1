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
