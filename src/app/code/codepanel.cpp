// SPDX-License-Identifier: MIT
#include "codepanel.h"

#include "codeview.h"
#include "examples/exampleregistry.h"
#include "processcolors.h"
#include "record/runrecord.h"

#include <QEvent>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ProcessLab {

CodePanel::CodePanel(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_python(new CodeView(SourceHighlighter::Language::Python, this))
    , m_cpp(new CodeView(SourceHighlighter::Language::Cpp, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    m_tabs->addTab(m_python, QString());
    m_tabs->addTab(m_cpp, QString());
    m_tabs->setDocumentMode(true);
    retranslate();
}

void CodePanel::setExample(const ExampleDefinition &example)
{
    m_python->setSource(example.pythonSource().text());
    m_cpp->setSource(SourceListing::fromResource(example.cppResource).text());
    m_workerLines.clear();
}

void CodePanel::resetMarkers()
{
    m_workerLines.clear();
    m_python->setExecutingLine(0);
    m_python->setMarkers({});
}

void CodePanel::consume(const RunRecord &record, qsizetype from, qsizetype to)
{
    int mainLine = -1;
    for (qsizetype i = from; i < to; ++i) {
        const RunEvent &event = record.events().at(i);
        switch (event.kind) {
        case EventKind::ScriptStep:
            mainLine = event.sourceLine;
            break;
        case EventKind::WorkerTrace:
            if (event.sourceLine > 0) {
                m_workerLines.insert(event.process, event.sourceLine);
                m_dirty = true;
            }
            break;
        case EventKind::StateChanged:
            if (event.process > 0 && isEndState(event.state) && m_workerLines.remove(event.process))
                m_dirty = true;
            break;
        default:
            break;
        }
    }
    if (mainLine >= 0)
        m_python->setExecutingLine(mainLine);
    if (m_dirty)
        applyMarkers();
}

void CodePanel::runEnded()
{
    m_python->setExecutingLine(0);
    m_workerLines.clear();
    applyMarkers();
}

void CodePanel::applyMarkers()
{
    m_dirty = false;
    const bool dark = isDarkPalette(palette());
    QList<int> processes = m_workerLines.keys();
    std::sort(processes.begin(), processes.end());
    QList<CodeView::Marker> markers;
    for (const int process : std::as_const(processes)) {
        markers.append({m_workerLines.value(process), tr("W%1").arg(process), processColor(process, dark)});
    }
    m_python->setMarkers(markers);
}

void CodePanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void CodePanel::retranslate()
{
    m_tabs->setTabText(0, tr("Python (tutorial)"));
    m_tabs->setTabText(1, tr("C++ (worker)"));
}

} // namespace ProcessLab
