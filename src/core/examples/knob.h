// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QVariant>
#include <QVariantMap>

#include <optional>

namespace ProcessLab {

// One value of a Choice knob: a stable id (CLI, settings, run record) and its label.
struct KnobChoice
{
    QString value;          // "compute"; --work compute
    const char *label = ""; // translatable (context "ProcessLab::Knob"), e.g. "compute"
};

// One adjustable parameter of an example; the CLI options and the GUI's spin boxes, check
// boxes and combo boxes are generated from these.
struct KnobSpec
{
    enum class Type { Int, Double, Bool, Choice };

    QString name;      // "workers"; CLI option --workers
    Type type = Type::Int;
    QVariant defaultValue;
    QVariant minimum;  // Int/Double only
    QVariant maximum;
    const char *label = ""; // translatable (context "ProcessLab::Knob"), e.g. "Workers"
    const char *help = "";  // translatable one-liner
    int decimals = 0;       // Double only
    QList<KnobChoice> choices; // Choice only; the value is one of their ids (a QString)
    // Fault injection (ProcessLab's doing, not the program's, e.g. kill-worker-after): the app
    // never restores it in a later session, so a kill nobody remembers setting cannot happen.
    bool fault = false;

    // The four kinds, built in one expression (label and help: QT_TRANSLATE_NOOP texts).
    static KnobSpec integer(const char *name, int defaultValue, int minimum, int maximum, const char *label,
                            const char *help);
    static KnobSpec decimal(const char *name, double defaultValue, double minimum, double maximum, int decimals,
                            const char *label, const char *help);
    static KnobSpec boolean(const char *name, bool defaultValue, const char *label, const char *help);
    // defaultValue: the id of one of the choices.
    static KnobSpec choice(const char *name, const char *defaultValue, QList<KnobChoice> choices, const char *label,
                           const char *help);
    KnobSpec asFault() &&; // the same knob, marked `fault`

    QString translatedLabel() const;
    QString translatedHelp() const;
    QString rangeText() const; // "1-64", "0-60", "on/off", "sleep|compute"
    // Choice: the translated label of the choice with this id (the id itself if there is none).
    QString translatedChoiceLabel(const QString &value) const;
};

// Parses a CLI-style text value for the knob; on failure *error names the option and range.
// The option is named as the user typed it: asTyped ("--set workers=65"), else "--<name>".
std::optional<QVariant> parseKnobValue(const KnobSpec &knob, const QString &text, QString *error,
                                       const QString &asTyped = {});

// Fills defaults and checks types and ranges of all knobs; unknown names are errors.
std::optional<QVariantMap> resolveKnobs(const QList<KnobSpec> &knobs, const QVariantMap &given,
                                        QString *error);

} // namespace ProcessLab
