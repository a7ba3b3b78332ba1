// SPDX-License-Identifier: MIT
#include "knob.h"

#include <QCoreApplication>
#include <QStringList>

#include <cmath>
#include <utility>

namespace ProcessLab {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ProcessLab::Knob", text);
}

QStringList choiceIds(const KnobSpec &knob)
{
    QStringList ids;
    for (const KnobChoice &choice : knob.choices)
        ids.append(choice.value);
    return ids;
}

QString numberText(const QVariant &value)
{
    return value.typeId() == QMetaType::Double ? QString::number(value.toDouble(), 'g', 10)
                                               : value.toString();
}
} // namespace

KnobSpec KnobSpec::integer(const char *name, int defaultValue, int minimum, int maximum, const char *label,
                           const char *help)
{
    KnobSpec knob;
    knob.name = QLatin1StringView(name);
    knob.type = Type::Int;
    knob.defaultValue = defaultValue;
    knob.minimum = minimum;
    knob.maximum = maximum;
    knob.label = label;
    knob.help = help;
    return knob;
}

KnobSpec KnobSpec::decimal(const char *name, double defaultValue, double minimum, double maximum, int decimals,
                           const char *label, const char *help)
{
    KnobSpec knob;
    knob.name = QLatin1StringView(name);
    knob.type = Type::Double;
    knob.defaultValue = defaultValue;
    knob.minimum = minimum;
    knob.maximum = maximum;
    knob.decimals = decimals;
    knob.label = label;
    knob.help = help;
    return knob;
}

KnobSpec KnobSpec::boolean(const char *name, bool defaultValue, const char *label, const char *help)
{
    KnobSpec knob;
    knob.name = QLatin1StringView(name);
    knob.type = Type::Bool;
    knob.defaultValue = defaultValue;
    knob.label = label;
    knob.help = help;
    return knob;
}

KnobSpec KnobSpec::choice(const char *name, const char *defaultValue, QList<KnobChoice> choices,
                          const char *label, const char *help)
{
    KnobSpec knob;
    knob.name = QLatin1StringView(name);
    knob.type = Type::Choice;
    knob.defaultValue = QString::fromLatin1(defaultValue);
    knob.choices = std::move(choices);
    knob.label = label;
    knob.help = help;
    return knob;
}

KnobSpec KnobSpec::asFault() &&
{
    fault = true;
    return std::move(*this);
}

QString KnobSpec::translatedLabel() const
{
    return QCoreApplication::translate("ProcessLab::Knob", label);
}

QString KnobSpec::translatedHelp() const
{
    return QCoreApplication::translate("ProcessLab::Knob", help);
}

QString KnobSpec::rangeText() const
{
    if (type == Type::Bool)
        return QStringLiteral("on/off");
    if (type == Type::Choice)
        return choiceIds(*this).join(QLatin1Char('|'));
    return numberText(minimum) + QLatin1Char('-') + numberText(maximum);
}

QString KnobSpec::translatedChoiceLabel(const QString &value) const
{
    for (const KnobChoice &choice : choices) {
        if (choice.value == value)
            return QCoreApplication::translate("ProcessLab::Knob", choice.label);
    }
    return value;
}

std::optional<QVariant> parseKnobValue(const KnobSpec &knob, const QString &text, QString *error,
                                       const QString &asTyped)
{
    const QString option = asTyped.isEmpty() ? QStringLiteral("--") + knob.name : asTyped;
    bool ok = false;
    switch (knob.type) {
    case KnobSpec::Type::Int: {
        const qlonglong value = text.trimmed().toLongLong(&ok);
        if (!ok || value < knob.minimum.toLongLong() || value > knob.maximum.toLongLong()) {
            *error = tr("%1: expected a whole number from %2 to %3, got '%4'")
                         .arg(option, numberText(knob.minimum), numberText(knob.maximum), text);
            return std::nullopt;
        }
        return QVariant(static_cast<int>(value));
    }
    case KnobSpec::Type::Double: {
        const double value = text.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value) || value < knob.minimum.toDouble()
            || value > knob.maximum.toDouble()) {
            *error = tr("%1: expected a number from %2 to %3, got '%4'")
                         .arg(option, numberText(knob.minimum), numberText(knob.maximum), text);
            return std::nullopt;
        }
        return QVariant(value);
    }
    case KnobSpec::Type::Bool: {
        const QString t = text.trimmed().toLower();
        if (t == QLatin1StringView("1") || t == QLatin1StringView("true") || t == QLatin1StringView("on")
            || t == QLatin1StringView("yes"))
            return QVariant(true);
        if (t == QLatin1StringView("0") || t == QLatin1StringView("false") || t == QLatin1StringView("off")
            || t == QLatin1StringView("no"))
            return QVariant(false);
        *error = tr("%1: expected on or off, got '%2'").arg(option, text);
        return std::nullopt;
    }
    case KnobSpec::Type::Choice: {
        // Ids are lower-case words: "Compute" and " compute " mean the same.
        const QString t = text.trimmed().toLower();
        const QStringList ids = choiceIds(knob);
        if (ids.contains(t))
            return QVariant(t);
        *error = tr("%1: expected one of %2, got '%3'").arg(option, ids.join(QLatin1StringView(", ")), text);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

std::optional<QVariantMap> resolveKnobs(const QList<KnobSpec> &knobs, const QVariantMap &given,
                                        QString *error)
{
    QVariantMap resolved;
    for (const KnobSpec &knob : knobs) {
        if (!given.contains(knob.name)) {
            resolved.insert(knob.name, knob.defaultValue);
            continue;
        }
        const QVariant value = given.value(knob.name);
        // Route every given value through the text parser so all callers get one set of checks.
        const QString text = value.typeId() == QMetaType::Bool ? (value.toBool() ? QStringLiteral("on")
                                                                                 : QStringLiteral("off"))
                                                               : numberText(value);
        std::optional<QVariant> parsed = parseKnobValue(knob, text, error);
        if (!parsed)
            return std::nullopt;
        resolved.insert(knob.name, *parsed);
    }
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        if (!resolved.contains(it.key())) {
            *error = tr("unknown option --%1 for this example").arg(it.key());
            return std::nullopt;
        }
    }
    return resolved;
}

} // namespace ProcessLab
