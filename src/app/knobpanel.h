// SPDX-License-Identifier: MIT
#pragma once

#include "examples/knob.h"

#include <QWidget>

#include <optional>

class QVBoxLayout;

namespace ProcessLab {

struct ExampleDefinition;

// Spin boxes, check boxes and combo boxes generated from an example's knob schema. Ranges come from
// the schema, so invalid values cannot be entered; values are remembered per example (QSettings),
// except fault knobs (KnobSpec::fault): kept for this window's session only, at their default
// (off) in the next one.
class KnobPanel : public QWidget
{
    Q_OBJECT
public:
    explicit KnobPanel(QWidget *parent = nullptr);

    void setExample(const ExampleDefinition &example);
    QVariantMap values() const;
    // Sets one knob from text (the app's --set name=value); false with *error on bad input,
    // which names the option as asTyped ("--set workers=65") or else as "--<name>".
    bool setValueFromText(const QString &name, const QString &text, QString *error, const QString &asTyped = {});
    // Sets every knob to the schema's default: the values of the tutorial's listing.
    void resetToDefaults();
    bool hasDefaultValues() const;
    // Sets the knobs given (resolved values, e.g. a walkthrough step's), remembered as if typed.
    void setValues(const QVariantMap &values);
    QString exampleId() const { return m_exampleId; }
    // A replay's knobs: shown (values() returns them) but never stored as the user's, and the
    // panel is disabled until showOwnValues() brings back the user's own (a new example, too).
    void showRecordedValues(const QVariantMap &values);
    void showOwnValues();
    bool isShowingRecordedValues() const { return m_recorded.has_value(); }
    // A knob's control with its label, in the panel's coordinates; empty for an unknown name.
    QRect knobRect(const QString &name) const;
    // The knobs in as many rows as they need to be at most width wide (one row when 0).
    void setWrapWidth(int width);
    int wrapWidth() const { return m_wrapWidth; }
    // The width of the knobs all in one row.
    int oneRowWidth() const;
    int rowCount() const { return static_cast<int>(m_rows.size()); }
    // As narrow as the widest knob: the knobs wrap (setWrapWidth) rather than widen the window.
    QSize minimumSizeHint() const override;

signals:
    void valuesChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void arrangeRows();
    QList<int> knobWidths() const;
    void remember(const QString &name, const QVariant &value);

    QVBoxLayout *m_layout = nullptr; // of rows
    struct KnobWidgets
    {
        QWidget *label = nullptr; // none for a check box
        QWidget *editor = nullptr;
    };
    QList<KnobWidgets> m_widgets; // in the schema's order
    QList<int> m_rows;            // knobs per row
    int m_wrapWidth = 0;
    QString m_exampleId;
    QList<KnobSpec> m_knobs;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QVariant> m_faultValues; // "example/knob" -> value, this session only
    std::optional<QVariantMap> m_recorded;  // a replay's knobs, shown instead of the user's
};

} // namespace ProcessLab
