// SPDX-License-Identifier: MIT
#include "pythonformat.h"

#include "pythonprintable.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <system_error>
#include <utility>

namespace ProcessLab::Protocol {

namespace {

constexpr char hexDigits[] = "0123456789abcdef";

void appendHex(std::string &out, std::uint32_t value, int digits)
{
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out += hexDigits[(value >> shift) & 0xF];
}

// float.__repr__: the shortest digits that read back as the same double (std::to_chars
// finds them, as CPython's dtoa does), laid out the way CPython lays them out: positional
// when the decimal point falls within 16 digits of the first one (1000000000000000.0,
// 0.0001), else exponent form with a sign and at least two exponent digits (1e+16, 1e-05).
void appendFloat(std::string &out, double value)
{
    if (std::isnan(value)) {
        out += "nan"; // Python prints every NaN so, whatever its sign
        return;
    }
    if (std::isinf(value)) {
        out += value < 0 ? "-inf" : "inf";
        return;
    }
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    if (error != std::errc()) { // cannot happen for a finite double in 64 bytes
        out += "nan";
        return;
    }
    std::string_view text(buffer, static_cast<std::size_t>(end - buffer)); // "-1.25e-05"
    if (text.front() == '-') {
        out += '-';
        text.remove_prefix(1);
    }
    const std::size_t e = text.find('e');
    std::string digits;
    for (const char c : text.substr(0, e)) {
        if (c != '.')
            digits += c;
    }
    int exponent = 0;
    std::from_chars(text.data() + e + 1 + (text[e + 1] == '+' ? 1 : 0), text.data() + text.size(), exponent);
    // The value is 0.<digits> * 10^decimalPoint.
    const int decimalPoint = exponent + 1;
    const int count = static_cast<int>(digits.size());
    if (decimalPoint <= -4 || decimalPoint > 16) {
        out += digits[0];
        if (count > 1) {
            out += '.';
            out.append(digits, 1, std::string::npos);
        }
        const int shown = decimalPoint - 1;
        out += shown < 0 ? "e-" : "e+";
        const std::string magnitude = std::to_string(shown < 0 ? -shown : shown);
        if (magnitude.size() < 2)
            out += '0';
        out += magnitude;
    } else if (decimalPoint <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-decimalPoint), '0');
        out += digits;
    } else if (decimalPoint >= count) {
        out += digits;
        out.append(static_cast<std::size_t>(decimalPoint - count), '0');
        out += ".0";
    } else {
        out.append(digits, 0, static_cast<std::size_t>(decimalPoint));
        out += '.';
        out.append(digits, static_cast<std::size_t>(decimalPoint), std::string::npos);
    }
}

// Python picks ' unless the text holds ' and no ".
char quoteFor(std::string_view text)
{
    return text.find('\'') != std::string_view::npos && text.find('"') == std::string_view::npos ? '"' : '\'';
}

// The escapes str.__repr__ and bytes.__repr__ share for ASCII; false if c needs none.
bool appendAsciiEscape(std::string &out, unsigned char c, char quote)
{
    switch (c) {
    case '\t': out += "\\t"; return true;
    case '\n': out += "\\n"; return true;
    case '\r': out += "\\r"; return true;
    case '\\': out += "\\\\"; return true;
    default: break;
    }
    if (c == static_cast<unsigned char>(quote)) {
        out += '\\';
        out += quote;
        return true;
    }
    if (c < 0x20 || c == 0x7F) {
        out += "\\x";
        appendHex(out, c, 2);
        return true;
    }
    return false;
}

// The code point starting at text[i] and its length in bytes, or length 0 when the bytes
// there are not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
std::pair<char32_t, std::size_t> decodeUtf8(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    // Lead byte -> sequence length, its payload bits, the smallest code point of that length.
    std::size_t length = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1F;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0F;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07;
        minimum = 0x10000;
    } else {
        return {0, 0};
    }
    if (i + length > text.size())
        return {0, 0};
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return {0, 0};
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        return {0, 0};
    return {code, length};
}

void appendTextRepr(std::string &out, std::string_view text)
{
    const char quote = quoteFor(text);
    out += quote;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (!appendAsciiEscape(out, c, quote))
                out += static_cast<char>(c);
            ++i;
            continue;
        }
        const auto [code, length] = decodeUtf8(text, i);
        if (length == 0) {
            out += "\\x";
            appendHex(out, c, 2);
            ++i;
            continue;
        }
        if (isPythonPrintable(code)) {
            out.append(text, i, length);
        } else if (code <= 0xFF) {
            out += "\\x";
            appendHex(out, code, 2);
        } else if (code <= 0xFFFF) {
            out += "\\u";
            appendHex(out, code, 4);
        } else {
            out += "\\U";
            appendHex(out, code, 8);
        }
        i += length;
    }
    out += quote;
}

void appendBytesRepr(std::string &out, std::string_view bytes)
{
    const char quote = quoteFor(bytes);
    out += 'b';
    out += quote;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (appendAsciiEscape(out, c, quote))
            continue;
        if (c >= 0x80) {
            out += "\\x";
            appendHex(out, c, 2);
        } else {
            out += ch;
        }
    }
    out += quote;
}

void appendRepr(std::string &out, const Value &value)
{
    switch (value.type()) {
    case Value::Type::Null: out += "None"; return;
    case Value::Type::Bool: out += value.toBool() ? "True" : "False"; return;
    case Value::Type::Integer: out += std::to_string(value.toInteger()); return;
    case Value::Type::Double: appendFloat(out, value.toDouble()); return;
    case Value::Type::Text: appendTextRepr(out, value.toText()); return;
    case Value::Type::Bytes: appendBytesRepr(out, value.toBytes()); return;
    case Value::Type::Array: {
        out += '[';
        bool first = true;
        for (const Value &item : value.toArray()) {
            if (!first)
                out += ", ";
            first = false;
            appendRepr(out, item);
        }
        out += ']';
        return;
    }
    case Value::Type::Map: {
        out += '{';
        bool first = true;
        for (const auto &[key, item] : value.toMap()) {
            if (!first)
                out += ", ";
            first = false;
            appendTextRepr(out, key);
            out += ": ";
            appendRepr(out, item);
        }
        out += '}';
        return;
    }
    }
}

} // namespace

std::string pythonRepr(const Value &value)
{
    std::string out;
    appendRepr(out, value);
    return out;
}

std::string pythonStr(const Value &value)
{
    if (value.isText())
        return std::string(value.toText());
    return pythonRepr(value);
}

} // namespace ProcessLab::Protocol
