// SPDX-License-Identifier: MIT
#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace ProcessLab::Theme {

namespace {
QString s_current = QStringLiteral("system");
QString s_systemStyle; // the platform's style, to go back to

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe7, 0xea);
    const QColor disabledText(0x80, 0x83, 0x89), highlight(0x3d, 0x7e, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa3));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3c));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x41));
    p.setColor(QPalette::Mid, QColor(0x2f, 0x31, 0x35));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}
} // namespace

QString normalized(const QString &name)
{
    const QString lower = name.trimmed().toLower();
    if (lower == QLatin1StringView("system") || lower == QLatin1StringView("light") || lower == QLatin1StringView("dark"))
        return lower;
    return {};
}

QString current()
{
    return s_current;
}

void apply(const QString &name)
{
    const QString theme = normalized(name).isEmpty() ? QStringLiteral("system") : normalized(name);
    if (s_systemStyle.isEmpty())
        s_systemStyle = QApplication::style()->name();
    s_current = theme;
    if (theme == QLatin1StringView("system")) {
        QApplication::setStyle(QStyleFactory::create(s_systemStyle));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    // Fusion honours a custom palette on every platform.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(theme == QLatin1StringView("dark") ? darkPalette()
                                                               : QApplication::style()->standardPalette());
}

} // namespace ProcessLab::Theme
