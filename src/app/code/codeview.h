// SPDX-License-Identifier: MIT
#pragma once

#include "sourcehighlighter.h"

#include <QColor>
#include <QPlainTextEdit>

namespace ProcessLab {

// A listing with line numbers that shows where each process is: the main program's
// executing line is highlighted, each worker's current line carries a marker in the worker's
// colour ("◀ W1 W2"). Read only unless setEditable(true) (the Python tab's Edit).
class CodeView : public QPlainTextEdit
{
    Q_OBJECT
public:
    struct Marker
    {
        int line = 0;
        QString label; // "W1", "Main", "P1"
        QColor color;
        QString name; // the full name for tool tips ("Process-1"); empty: the label says it
    };

    explicit CodeView(SourceHighlighter::Language language, QWidget *parent = nullptr);

    void setSource(const QString &text);
    // Editable: typing, undo, Tab and Return indent as Python expects; the executing line is
    // kept in view by scrolling, never by moving the cursor.
    void setEditable(bool editable);
    bool isEditable() const { return !isReadOnly(); }
    // Hidden markers and executing line are kept but neither painted nor scrolled to (the text
    // on screen is not the text the run runs).
    void setMarkersHidden(bool hidden);
    bool markersHidden() const { return m_markersHidden; }
    void setExecutingLine(int line); // 0 = none
    int executingLine() const { return m_executingLine; }
    void setMarkers(const QList<Marker> &markers);
    const QList<Marker> &markers() const { return m_markers; }

    int gutterWidth() const;
    // Lines first..last (1-based) as painted, gutter included, in the view's own coordinates
    // (outside the viewport when scrolled away); empty when no such line exists.
    QRect linesRect(int first, int last) const;
    // Scrolls lines first..last into view (centred when they fit) unless they are in view already.
    void revealLines(int first, int last);
    // A point size of the code's own (presenter mode, when the listing must fit in height);
    // 0 follows the application font again.
    void setPointSizeOverride(qreal pointSize);

    // A chip as painted right of a line: one marker, or "+N" for the markers that do not fit
    // (its tool tip names them), so every marker is accounted for. Viewport coordinates.
    struct MarkerChip
    {
        int line = 0;
        QRect box;
        QString text;         // "W3", "Main", "+6"
        QColor color;
        QStringList overflow; // the names "+N" stands for
        QString name;         // the full name, when the text is shorter
    };
    QList<MarkerChip> markerChips() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    QFont markerFont() const;
    friend class CodeGutter;
    void paintGutter(QPaintEvent *event);
    void updateGutter(const QRect &rect, int dy);
    void updateHighlights();
    void applyTheme();

    QWidget *m_gutter = nullptr;
    SourceHighlighter *m_highlighter = nullptr;
    int m_executingLine = 0;
    QList<Marker> m_markers;
    bool m_markersHidden = false;
};

} // namespace ProcessLab
