// SPDX-License-Identifier: MIT
#include "knobpanel.h"

#include "examples/exampleregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace ProcessLab {

namespace {
QString settingsKey(const QString &example, const QString &knob)
{
    return QStringLiteral("knobs/%1/%2").arg(example, knob);
}
} // namespace

namespace {
constexpr int horizontalMargin = 8;
constexpr int labelSpacing = 6; // between a label and its control
constexpr int knobSpacing = 22; // between one knob and the next
} // namespace

KnobPanel::KnobPanel(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(horizontalMargin, 0, horizontalMargin, 0);
    m_layout->setSpacing(2);
    // Its own width, not the tool bar's rest: the reset button stays beside the knobs.
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
}

void KnobPanel::setExample(const ExampleDefinition &example)
{
    m_exampleId = example.id;
    m_knobs = example.knobs;
    m_recorded.reset();
    setEnabled(true);
    rebuild();
}

void KnobPanel::showRecordedValues(const QVariantMap &values)
{
    m_recorded = values;
    setEnabled(false);
    rebuild();
}

void KnobPanel::showOwnValues()
{
    if (!m_recorded)
        return;
    m_recorded.reset();
    setEnabled(true);
    rebuild();
    emit valuesChanged();
}

void KnobPanel::rebuild()
{
    for (const KnobWidgets &knob : std::as_const(m_widgets)) {
        delete knob.label;
        delete knob.editor;
    }
    m_widgets.clear();
    m_rows.clear();
    m_editors.clear();
    QSettings settings;
    for (const KnobSpec &knob : std::as_const(m_knobs)) {
        // A stored value that no longer fits the schema falls back to the default. A fault
        // knob is never read from the settings (one an older version stored is dropped).
        const QString key = settingsKey(m_exampleId, knob.name);
        if (knob.fault)
            settings.remove(key);
        QVariant value = m_recorded   ? m_recorded->value(knob.name, knob.defaultValue)
                         : knob.fault ? m_faultValues.value(key, knob.defaultValue)
                                      : settings.value(key, knob.defaultValue);
        QString ignored;
        if (!resolveKnobs({knob}, {{knob.name, value}}, &ignored))
            value = knob.defaultValue;

        QWidget *editor = nullptr;
        switch (knob.type) {
        case KnobSpec::Type::Int: {
            auto *spin = new QSpinBox(this);
            spin->setRange(knob.minimum.toInt(), knob.maximum.toInt());
            spin->setValue(value.toInt());
            connect(spin, &QSpinBox::valueChanged, this, [this, name = knob.name](int v) { remember(name, v); });
            editor = spin;
            break;
        }
        case KnobSpec::Type::Double: {
            auto *spin = new QDoubleSpinBox(this);
            spin->setDecimals(knob.decimals);
            spin->setRange(knob.minimum.toDouble(), knob.maximum.toDouble());
            spin->setSingleStep(0.5);
            spin->setValue(value.toDouble());
            connect(spin, &QDoubleSpinBox::valueChanged, this,
                    [this, name = knob.name](double v) { remember(name, v); });
            editor = spin;
            break;
        }
        case KnobSpec::Type::Bool: {
            auto *check = new QCheckBox(knob.translatedLabel(), this);
            check->setChecked(value.toBool());
            connect(check, &QCheckBox::toggled, this, [this, name = knob.name](bool v) { remember(name, v); });
            editor = check;
            break;
        }
        case KnobSpec::Type::Choice: {
            auto *combo = new QComboBox(this);
            for (const KnobChoice &choice : knob.choices)
                combo->addItem(knob.translatedChoiceLabel(choice.value), choice.value);
            combo->setCurrentIndex(combo->findData(value.toString()));
            connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, name = knob.name](int) {
                remember(name, combo->currentData().toString());
            });
            editor = combo;
            break;
        }
        }
        editor->setObjectName(QStringLiteral("knob_") + knob.name);
        editor->setToolTip(QStringLiteral("%1 (%2)").arg(knob.translatedHelp(), knob.rangeText()));
        QLabel *label = nullptr;
        if (knob.type != KnobSpec::Type::Bool) {
            label = new QLabel(knob.translatedLabel(), this);
            label->setBuddy(editor);
            label->setToolTip(editor->toolTip());
        }
        m_widgets.append({label, editor});
        m_editors.insert(knob.name, editor);
    }
    arrangeRows();
}

QList<int> KnobPanel::knobWidths() const
{
    QList<int> widths;
    for (const KnobWidgets &knob : m_widgets)
        widths.append((knob.label ? knob.label->sizeHint().width() + labelSpacing : 0) + knob.editor->sizeHint().width());
    return widths;
}

int KnobPanel::oneRowWidth() const
{
    int width = 2 * horizontalMargin;
    for (const int knob : knobWidths())
        width += knob + knobSpacing;
    return width;
}

QSize KnobPanel::minimumSizeHint() const
{
    const QList<int> widths = knobWidths();
    const int widest = widths.isEmpty() ? 0 : *std::max_element(widths.cbegin(), widths.cend());
    return {widest + 2 * horizontalMargin, QWidget::minimumSizeHint().height()};
}

void KnobPanel::setWrapWidth(int width)
{
    if (width == m_wrapWidth)
        return;
    m_wrapWidth = width;
    arrangeRows();
}

void KnobPanel::arrangeRows()
{
    // Greedy: each row takes the next knobs while they fit (a row has one at least).
    QList<int> rows;
    int used = 0;
    for (const int knob : knobWidths()) {
        const int needed = knob + knobSpacing;
        if (rows.isEmpty() || (m_wrapWidth > 0 && used + needed > m_wrapWidth - 2 * horizontalMargin)) {
            rows.append(0);
            used = 0;
        }
        ++rows.last();
        used += needed;
    }
    if (rows == m_rows && m_layout->count() == rows.size())
        return; // unchanged: no new layout (and no new layout request)
    m_rows = rows;
    while (QLayoutItem *item = m_layout->takeAt(0))
        delete item; // the rows' layouts; the widgets stay, re-added below
    int next = 0;
    for (const int count : std::as_const(rows)) {
        auto *row = new QHBoxLayout;
        row->setSpacing(labelSpacing);
        for (int i = 0; i < count; ++i, ++next) {
            if (m_widgets.at(next).label)
                row->addWidget(m_widgets.at(next).label);
            row->addWidget(m_widgets.at(next).editor);
            row->addSpacing(knobSpacing - 2 * labelSpacing);
        }
        row->addStretch(1);
        m_layout->addLayout(row);
    }
}

QRect KnobPanel::knobRect(const QString &name) const
{
    const QWidget *editor = m_editors.value(name);
    if (!editor)
        return {};
    QRect rect = editor->geometry();
    for (const QLabel *label : findChildren<QLabel *>(Qt::FindDirectChildrenOnly)) {
        if (label->buddy() == editor)
            rect |= label->geometry();
    }
    return rect;
}

QVariantMap KnobPanel::values() const
{
    QVariantMap values;
    for (const KnobSpec &knob : m_knobs) {
        const QWidget *editor = m_editors.value(knob.name);
        if (const auto *spin = qobject_cast<const QSpinBox *>(editor))
            values.insert(knob.name, spin->value());
        else if (const auto *dspin = qobject_cast<const QDoubleSpinBox *>(editor))
            values.insert(knob.name, dspin->value());
        else if (const auto *check = qobject_cast<const QCheckBox *>(editor))
            values.insert(knob.name, check->isChecked());
        else if (const auto *combo = qobject_cast<const QComboBox *>(editor))
            values.insert(knob.name, combo->currentData().toString());
    }
    return values;
}

bool KnobPanel::setValueFromText(const QString &name, const QString &text, QString *error, const QString &asTyped)
{
    if (m_recorded) {
        *error = tr("the knobs show the replayed run's values: leave the replay to change them");
        return false;
    }
    const auto knob = std::find_if(m_knobs.cbegin(), m_knobs.cend(), [&](const KnobSpec &k) { return k.name == name; });
    if (knob == m_knobs.cend()) {
        QStringList names;
        for (const KnobSpec &k : std::as_const(m_knobs))
            names.append(k.name);
        *error = tr("unknown knob '%1' for example '%2' (knobs: %3)")
                     .arg(name, m_exampleId, names.join(QLatin1StringView(", ")));
        return false;
    }
    const std::optional<QVariant> value = parseKnobValue(*knob, text, error, asTyped);
    if (!value)
        return false;
    QWidget *editor = m_editors.value(name);
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        spin->setValue(value->toInt());
    else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
        dspin->setValue(value->toDouble());
    else if (auto *check = qobject_cast<QCheckBox *>(editor))
        check->setChecked(value->toBool());
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(combo->findData(value->toString()));
    return true;
}

void KnobPanel::resetToDefaults()
{
    for (const KnobSpec &knob : std::as_const(m_knobs)) {
        QWidget *editor = m_editors.value(knob.name);
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(knob.defaultValue.toInt());
        else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
            dspin->setValue(knob.defaultValue.toDouble());
        else if (auto *check = qobject_cast<QCheckBox *>(editor))
            check->setChecked(knob.defaultValue.toBool());
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentIndex(combo->findData(knob.defaultValue.toString()));
    }
}

void KnobPanel::setValues(const QVariantMap &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        QWidget *editor = m_editors.value(it.key());
        if (auto *spin = qobject_cast<QSpinBox *>(editor))
            spin->setValue(it.value().toInt());
        else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor))
            dspin->setValue(it.value().toDouble());
        else if (auto *check = qobject_cast<QCheckBox *>(editor))
            check->setChecked(it.value().toBool());
        else if (auto *combo = qobject_cast<QComboBox *>(editor))
            combo->setCurrentIndex(combo->findData(it.value().toString()));
    }
}

bool KnobPanel::hasDefaultValues() const
{
    const QVariantMap current = values();
    return std::all_of(m_knobs.cbegin(), m_knobs.cend(), [&](const KnobSpec &knob) {
        const QVariant value = current.value(knob.name);
        return knob.type == KnobSpec::Type::Double ? qFuzzyCompare(value.toDouble() + 1, knob.defaultValue.toDouble() + 1)
                                                   : value == knob.defaultValue;
    });
}

void KnobPanel::remember(const QString &name, const QVariant &value)
{
    if (m_recorded)
        return; // a replay's knobs are not the user's (and the panel is disabled meanwhile)
    const auto knob = std::find_if(m_knobs.cbegin(), m_knobs.cend(), [&](const KnobSpec &k) { return k.name == name; });
    if (knob != m_knobs.cend() && knob->fault)
        m_faultValues.insert(settingsKey(m_exampleId, name), value); // this session only
    else
        QSettings().setValue(settingsKey(m_exampleId, name), value);
    emit valuesChanged();
}

void KnobPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && !m_exampleId.isEmpty())
        rebuild();
    else if (event->type() == QEvent::FontChange)
        arrangeRows(); // other widths
}

} // namespace ProcessLab
