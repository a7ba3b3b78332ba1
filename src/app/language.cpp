// SPDX-License-Identifier: MIT
#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace ProcessLab::Language {

namespace {
std::unique_ptr<QTranslator> s_app;
std::unique_ptr<QTranslator> s_qt;
QString s_current;
} // namespace

QString normalized(const QString &code)
{
    const QString lower = code.toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
    if (lower == QLatin1StringView("zh") || lower.startsWith(QLatin1StringView("zh_")))
        return QStringLiteral("zh_CN");
    if (lower == QLatin1StringView("en") || lower.startsWith(QLatin1StringView("en_")) || lower == QLatin1StringView("c"))
        return QStringLiteral("en");
    return {};
}

QString systemDefault()
{
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString current()
{
    return s_current;
}

bool apply(const QString &code)
{
    const QString language = normalized(code);
    if (language.isEmpty())
        return false;
    if (s_app)
        QCoreApplication::removeTranslator(s_app.get());
    if (s_qt)
        QCoreApplication::removeTranslator(s_qt.get());
    s_app.reset();
    s_qt.reset();
    const QLocale locale(language == QLatin1StringView("zh_CN") ? QLocale::Chinese : QLocale::English,
                         language == QLatin1StringView("zh_CN") ? QLocale::China : QLocale::UnitedStates);
    QLocale::setDefault(locale);
    if (language != QLatin1StringView("en")) {
        s_app = std::make_unique<QTranslator>();
        if (s_app->load(locale, QStringLiteral("processlab"), QStringLiteral("_"), QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(s_app.get());
        s_qt = std::make_unique<QTranslator>();
        if (s_qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(s_qt.get());
    }
    s_current = language;
    // Installing nothing (English) sends no LanguageChange: send it ourselves.
    if (language == QLatin1StringView("en") && QCoreApplication::instance()) {
        QEvent event(QEvent::LanguageChange);
        QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    }
    return true;
}

} // namespace ProcessLab::Language
