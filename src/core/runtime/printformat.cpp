// SPDX-License-Identifier: MIT
#include "printformat.h"

#include <QCborArray>
#include <QCborMap>

#include <charconv>
#include <cmath>
#include <string>

namespace ProcessLab {

namespace {

// repr(float): the shortest digits that round-trip, fixed notation for exponents in
// [-4, 16), else d.ddde+XX; integral values keep ".0".
QString floatRepr(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value, std::chars_format::scientific);
    if (ec != std::errc())
        return QString::number(value);
    const std::string text(buffer, end); // "-d.ddde+XX"
    const std::size_t e = text.find('e');
    const bool negative = text.front() == '-';
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
        if (text[i] != '.')
            digits.push_back(text[i]);
    }
    const int exponent = std::stoi(text.substr(e + 1));
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        } else if (digits.size() <= static_cast<std::size_t>(exponent) + 1) {
            out += digits + std::string(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0') + ".0";
        } else {
            out += digits.substr(0, static_cast<std::size_t>(exponent) + 1) + "."
                   + digits.substr(static_cast<std::size_t>(exponent) + 1);
        }
    } else {
        out += digits.substr(0, 1);
        if (digits.size() > 1)
            out += "." + digits.substr(1);
        const int magnitude = std::abs(exponent);
        out += exponent < 0 ? "e-" : "e+";
        if (magnitude < 10)
            out += "0";
        out += std::to_string(magnitude);
    }
    return QString::fromStdString(out);
}

QString escaped(QStringView text, QChar quote)
{
    QString out;
    for (const QChar c : text) {
        if (c == u'\\' || c == quote)
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += QStringLiteral("\\n");
        else if (c == u'\r')
            out += QStringLiteral("\\r");
        else if (c == u'\t')
            out += QStringLiteral("\\t");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString textRepr(const QString &text)
{
    // Python picks double quotes only for text with a ' and no ".
    const QChar quote = text.contains(u'\'') && !text.contains(u'"') ? u'"' : u'\'';
    return quote + escaped(text, quote) + quote;
}

QString bytesRepr(const QByteArray &bytes)
{
    const QChar quote = bytes.contains('\'') && !bytes.contains('"') ? u'"' : u'\'';
    QString out = QStringLiteral("b") + quote;
    for (const char ch : bytes) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte == '\\' || byte == quote.unicode())
            out += u'\\' + QChar(char16_t(byte));
        else if (byte == '\n')
            out += QStringLiteral("\\n");
        else if (byte == '\r')
            out += QStringLiteral("\\r");
        else if (byte == '\t')
            out += QStringLiteral("\\t");
        else if (byte < 0x20 || byte >= 0x7f)
            out += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
        else
            out += QChar(char16_t(byte));
    }
    return out + quote;
}

QString repr(const QCborValue &value)
{
    if (value.isString())
        return textRepr(value.toString());
    return formatForPrint(value);
}

} // namespace

QString formatForPrint(const QCborValue &value)
{
    switch (value.type()) {
    case QCborValue::Integer: return QString::number(value.toInteger());
    case QCborValue::Double: return floatRepr(value.toDouble());
    case QCborValue::True: return QStringLiteral("True");
    case QCborValue::False: return QStringLiteral("False");
    case QCborValue::String: return value.toString();
    case QCborValue::ByteArray: return bytesRepr(value.toByteArray());
    case QCborValue::Array: {
        QStringList items;
        for (const QCborValue &item : value.toArray())
            items.append(repr(item));
        return u'[' + items.join(QStringLiteral(", ")) + u']';
    }
    case QCborValue::Map: {
        QStringList items;
        const QCborMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            items.append(repr(it.key()) + QStringLiteral(": ") + repr(it.value()));
        return u'{' + items.join(QStringLiteral(", ")) + u'}';
    }
    default: return QStringLiteral("None"); // null, undefined: what the protocol carries as None
    }
}

QString formatPrintLine(const QList<QCborValue> &values)
{
    QStringList parts;
    parts.reserve(values.size());
    for (const QCborValue &value : values)
        parts.append(formatForPrint(value));
    return parts.join(u' ');
}

} // namespace ProcessLab
