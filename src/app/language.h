// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace ProcessLab {

// Installs ProcessLab's and Qt's own translations for a language at runtime ("zh_CN" or
// "en"); widgets retranslate on the LanguageChange event that follows.
namespace Language {
QString systemDefault();                // zh_CN when the system language is Chinese, else en
QString current();
bool apply(const QString &code);        // false for an unknown code
QString normalized(const QString &code); // "zh", "zh_CN", "zh-CN" -> "zh_CN"; "en*" -> "en"; else empty
} // namespace Language

} // namespace ProcessLab
