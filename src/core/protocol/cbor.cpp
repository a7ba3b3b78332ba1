// SPDX-License-Identifier: MIT
#include "cbor.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace ProcessLab::Protocol {

// --- Map and Value -----------------------------------------------------------------

Map::Map(std::initializer_list<Entry> entries)
{
    for (const Entry &entry : entries)
        insert(entry.first, entry.second);
}

void Map::insert(std::string key, Value value)
{
    for (Entry &entry : m_entries) {
        if (entry.first == key) {
            entry.second = std::move(value);
            return;
        }
    }
    m_entries.emplace_back(std::move(key), std::move(value));
}

std::optional<Map> Map::fromUniqueEntries(std::vector<Entry> entries)
{
    // Sorting views of the keys finds a repeat in O(n log n); insert() would be O(n²),
    // which a large forged map could turn into a denial of service.
    std::vector<std::string_view> keys;
    keys.reserve(entries.size());
    for (const Entry &entry : entries)
        keys.emplace_back(entry.first);
    std::sort(keys.begin(), keys.end());
    if (std::adjacent_find(keys.begin(), keys.end()) != keys.end())
        return std::nullopt;
    Map map;
    map.m_entries = std::move(entries);
    return map;
}

bool Map::remove(std::string_view key)
{
    return take(key).has_value();
}

std::optional<Value> Map::take(std::string_view key)
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->first == key) {
            Value value = std::move(it->second);
            m_entries.erase(it);
            return value;
        }
    }
    return std::nullopt;
}

const Value *Map::find(std::string_view key) const
{
    for (const Entry &entry : m_entries) {
        if (entry.first == key)
            return &entry.second;
    }
    return nullptr;
}

const Value &Map::value(std::string_view key) const
{
    static const Value null;
    const Value *found = find(key);
    return found ? *found : null;
}

namespace {
// Keys in the order the encoder writes them: bytewise by encoded form. A text key's head
// grows with its length, so that is shorter keys first, then the UTF-8 bytes compared as
// unsigned (std::string_view compares like memcmp).
bool encodedKeyLess(std::string_view a, std::string_view b)
{
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

std::vector<const Map::Entry *> sortedEntries(const Map &map)
{
    std::vector<const Map::Entry *> entries;
    entries.reserve(map.size());
    for (const Map::Entry &entry : map)
        entries.push_back(&entry);
    std::sort(entries.begin(), entries.end(),
              [](const Map::Entry *a, const Map::Entry *b) { return encodedKeyLess(a->first, b->first); });
    return entries;
}
} // namespace

bool Map::operator==(const Map &other) const
{
    if (size() != other.size())
        return false;
    // Keys are unique in a Map, so equal sorted entry lists mean equal maps.
    const std::vector<const Entry *> mine = sortedEntries(*this);
    const std::vector<const Entry *> theirs = sortedEntries(other);
    return std::equal(mine.cbegin(), mine.cend(), theirs.cbegin(),
                      [](const Entry *a, const Entry *b) { return *a == *b; });
}

bool Value::toBool(bool fallback) const
{
    const bool *value = std::get_if<bool>(&m_data);
    return value ? *value : fallback;
}

std::int64_t Value::toInteger(std::int64_t fallback) const
{
    const std::int64_t *value = std::get_if<std::int64_t>(&m_data);
    return value ? *value : fallback;
}

double Value::toDouble(double fallback) const
{
    if (const double *value = std::get_if<double>(&m_data))
        return *value;
    if (const std::int64_t *value = std::get_if<std::int64_t>(&m_data))
        return static_cast<double>(*value);
    return fallback;
}

std::string_view Value::toText(std::string_view fallback) const
{
    const std::string *value = std::get_if<std::string>(&m_data);
    return value ? std::string_view(*value) : fallback;
}

std::string_view Value::toBytes() const
{
    const Protocol::Bytes *value = std::get_if<Protocol::Bytes>(&m_data);
    return value ? std::string_view(value->data) : std::string_view();
}

const Array &Value::toArray() const
{
    static const Array empty;
    const Array *value = std::get_if<Array>(&m_data);
    return value ? *value : empty;
}

const Map &Value::toMap() const
{
    static const Map empty;
    const Map *value = std::get_if<Map>(&m_data);
    return value ? *value : empty;
}

// --- Encoder -----------------------------------------------------------------------

namespace {

enum MajorType : std::uint8_t {
    UnsignedInt = 0,
    NegativeInt = 1,
    ByteString = 2,
    TextString = 3,
    ArrayType = 4,
    MapType = 5,
    Tag = 6,
    Simple = 7,
};

constexpr std::uint8_t falseByte = 0xf4;
constexpr std::uint8_t trueByte = 0xf5;
constexpr std::uint8_t nullByte = 0xf6;
constexpr std::uint8_t halfByte = 0xf9;
constexpr std::uint8_t floatByte = 0xfa;
constexpr std::uint8_t doubleByte = 0xfb;

void appendBigEndian(std::string &out, std::uint64_t value, int bytes)
{
    char buffer[8];
    for (int k = bytes - 1; k >= 0; --k, value >>= 8)
        buffer[k] = static_cast<char>(value & 0xff);
    out.append(buffer, static_cast<std::size_t>(bytes));
}

// The initial byte plus the shortest argument that holds value, appended in one go: a
// push_back per byte was the largest single cost of encoding a chunk of 25,000 ints.
void appendHead(std::string &out, MajorType major, std::uint64_t value)
{
    const auto initial = static_cast<std::uint8_t>(major << 5);
    if (value < 24) {
        out.push_back(static_cast<char>(initial | value));
        return;
    }
    int bytes = 8;
    std::uint8_t info = 27;
    if (value <= 0xff) {
        bytes = 1;
        info = 24;
    } else if (value <= 0xffff) {
        bytes = 2;
        info = 25;
    } else if (value <= 0xffffffffu) {
        bytes = 4;
        info = 26;
    }
    char buffer[9];
    buffer[0] = static_cast<char>(initial | info);
    for (int k = bytes; k >= 1; --k, value >>= 8)
        buffer[k] = static_cast<char>(value & 0xff);
    out.append(buffer, static_cast<std::size_t>(bytes + 1));
}

void appendString(std::string &out, MajorType major, std::string_view text)
{
    appendHead(out, major, text.size());
    out.append(text);
}

// The IEEE 754 half-precision bits of value if it has that form exactly, else nullopt.
std::optional<std::uint16_t> exactHalf(double value)
{
    const auto sign = static_cast<std::uint16_t>(std::signbit(value) ? 0x8000 : 0);
    const double magnitude = std::fabs(value);
    if (magnitude == 0)
        return sign;
    if (std::isinf(magnitude))
        return static_cast<std::uint16_t>(sign | 0x7c00);
    int exponent = 0;
    const double fraction = std::frexp(magnitude, &exponent); // magnitude = fraction · 2^exponent, fraction in [0.5, 1)
    if (exponent > 16)
        return std::nullopt; // 2^16 and above: beyond the largest half, 65504
    if (exponent >= -13) {
        // Normal: (1 + m/1024) · 2^(e - 15) with biased exponent e in 1..30. Both steps are exact.
        const double mantissa = (fraction * 2 - 1) * 1024;
        if (mantissa != std::floor(mantissa))
            return std::nullopt;
        return static_cast<std::uint16_t>(sign | ((exponent + 14) << 10) | static_cast<std::uint16_t>(mantissa));
    }
    // Subnormal: m · 2^-24 with m in 1..1023 (magnitude < 2^-14, so m < 1024).
    const double mantissa = std::ldexp(magnitude, 24);
    if (mantissa != std::floor(mantissa))
        return std::nullopt;
    return static_cast<std::uint16_t>(sign | static_cast<std::uint16_t>(mantissa));
}

// The shortest of half, single and double precision that preserves value (RFC 8949 §4.2.1).
void appendFloat(std::string &out, double value)
{
    if (std::isnan(value)) {
        out.push_back(static_cast<char>(halfByte)); // one canonical NaN (§4.2.2)
        appendBigEndian(out, 0x7e00, 2);
        return;
    }
    if (const std::optional<std::uint16_t> half = exactHalf(value)) {
        out.push_back(static_cast<char>(halfByte));
        appendBigEndian(out, *half, 2);
        return;
    }
    // Converting a double beyond float's range is undefined: check the range first.
    if (std::fabs(value) <= static_cast<double>(std::numeric_limits<float>::max())) {
        const auto single = static_cast<float>(value);
        if (static_cast<double>(single) == value) {
            out.push_back(static_cast<char>(floatByte));
            appendBigEndian(out, std::bit_cast<std::uint32_t>(single), 4);
            return;
        }
    }
    out.push_back(static_cast<char>(doubleByte));
    appendBigEndian(out, std::bit_cast<std::uint64_t>(value), 8);
}

} // namespace

void encode(const Value &value, std::string &out)
{
    switch (value.type()) {
    case Value::Type::Null:
        out.push_back(static_cast<char>(nullByte));
        return;
    case Value::Type::Bool:
        out.push_back(static_cast<char>(value.toBool() ? trueByte : falseByte));
        return;
    case Value::Type::Integer: {
        // CBOR stores a negative n as -1 - n, i.e. ~n: INT64_MIN becomes 2^63 - 1, no overflow.
        const std::int64_t integer = value.toInteger();
        if (integer >= 0)
            appendHead(out, UnsignedInt, static_cast<std::uint64_t>(integer));
        else
            appendHead(out, NegativeInt, ~static_cast<std::uint64_t>(integer));
        return;
    }
    case Value::Type::Double:
        appendFloat(out, value.toDouble());
        return;
    case Value::Type::Text:
        appendString(out, TextString, value.toText());
        return;
    case Value::Type::Bytes:
        appendString(out, ByteString, value.toBytes());
        return;
    case Value::Type::Array:
        appendHead(out, ArrayType, value.toArray().size());
        for (const Value &item : value.toArray())
            encode(item, out);
        return;
    case Value::Type::Map:
        appendHead(out, MapType, value.toMap().size());
        for (const Map::Entry *entry : sortedEntries(value.toMap())) {
            appendString(out, TextString, entry->first);
            encode(entry->second, out);
        }
        return;
    }
}

void encodeArrayHead(std::size_t size, std::string &out)
{
    appendHead(out, ArrayType, size);
}

std::string encode(const Value &value)
{
    std::string out;
    encode(value, out);
    return out;
}

// --- Decoder -----------------------------------------------------------------------

namespace {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<std::uint8_t>(text[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        std::uint32_t codePoint = 0;
        std::uint32_t minimum = 0;
        if ((lead & 0xe0) == 0xc0) {
            length = 2;
            codePoint = lead & 0x1fu;
            minimum = 0x80;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3;
            codePoint = lead & 0x0fu;
            minimum = 0x800;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4;
            codePoint = lead & 0x07u;
            minimum = 0x10000;
        } else {
            return false;
        }
        if (text.size() - i < static_cast<std::size_t>(length))
            return false;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<std::uint8_t>(text[i + static_cast<std::size_t>(k)]);
            if ((next & 0xc0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3fu);
        }
        if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
            return false;
        i += static_cast<std::size_t>(length);
    }
    return true;
}

double halfToDouble(std::uint16_t half)
{
    // RFC 8949 Appendix D.
    const int exponent = (half >> 10) & 0x1f;
    const int mantissa = half & 0x3ff;
    double value;
    if (exponent == 0)
        value = std::ldexp(mantissa, -24);
    else if (exponent != 31)
        value = std::ldexp(mantissa + 1024, exponent - 25);
    else
        value = mantissa == 0 ? std::numeric_limits<double>::infinity() : std::numeric_limits<double>::quiet_NaN();
    return (half & 0x8000) ? -value : value;
}

class Decoder
{
public:
    explicit Decoder(std::string_view bytes) : m_bytes(bytes), m_reserveBudget(bytes.size()) {}

    std::optional<Value> item(int depth);
    std::size_t offset() const { return m_offset; }
    const std::string &error() const { return m_error; }

private:
    std::size_t remaining() const { return m_bytes.size() - m_offset; }
    std::nullopt_t fail(const char *what);
    bool readBigEndian(int bytes, std::uint64_t *value);
    std::optional<std::string_view> readString(std::uint64_t length);

    std::string_view m_bytes;
    std::size_t m_offset = 0;
    std::size_t m_reserveBudget = 0; // array elements the decoder may still reserve up front
    std::string m_error;
};

std::nullopt_t Decoder::fail(const char *what)
{
    if (m_error.empty())
        m_error = std::string(what) + " at byte " + std::to_string(m_offset);
    return std::nullopt;
}

bool Decoder::readBigEndian(int bytes, std::uint64_t *value)
{
    if (remaining() < static_cast<std::size_t>(bytes))
        return false;
    *value = 0;
    for (int k = 0; k < bytes; ++k)
        *value = (*value << 8) | static_cast<std::uint8_t>(m_bytes[m_offset++]);
    return true;
}

std::optional<std::string_view> Decoder::readString(std::uint64_t length)
{
    // Compare before converting or allocating: a forged length must cost nothing.
    if (length > remaining())
        return fail("string length exceeds the data");
    const std::string_view text = m_bytes.substr(m_offset, static_cast<std::size_t>(length));
    m_offset += static_cast<std::size_t>(length);
    return text;
}

std::optional<Value> Decoder::item(int depth)
{
    if (remaining() == 0)
        return fail("unexpected end of data");
    const auto initial = static_cast<std::uint8_t>(m_bytes[m_offset]);
    const auto major = static_cast<MajorType>(initial >> 5);
    const int info = initial & 0x1f;

    if (major == Simple) {
        ++m_offset;
        std::uint64_t bits = 0;
        switch (initial) {
        case falseByte: return Value(false);
        case trueByte: return Value(true);
        case nullByte: return Value();
        case halfByte:
            if (!readBigEndian(2, &bits))
                return fail("truncated half-precision float");
            return Value(halfToDouble(static_cast<std::uint16_t>(bits)));
        case floatByte:
            if (!readBigEndian(4, &bits))
                return fail("truncated single-precision float");
            return Value(static_cast<double>(std::bit_cast<float>(static_cast<std::uint32_t>(bits))));
        case doubleByte:
            if (!readBigEndian(8, &bits))
                return fail("truncated double");
            return Value(std::bit_cast<double>(bits));
        default:
            --m_offset;
            return fail(info == 31 ? "unexpected break" : "unsupported simple value");
        }
    }
    if (info == 31)
        return fail("indefinite-length items are not supported");
    if (info >= 28)
        return fail("reserved additional information");

    const std::size_t start = m_offset++;
    std::uint64_t argument = static_cast<std::uint64_t>(info);
    if (info >= 24 && !readBigEndian(1 << (info - 24), &argument)) {
        m_offset = start;
        return fail("truncated item head");
    }

    switch (major) {
    case UnsignedInt:
        if (argument > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return fail("integer out of the int64 range");
        return Value(static_cast<std::int64_t>(argument));
    case NegativeInt:
        if (argument > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return fail("integer out of the int64 range");
        return Value(-1 - static_cast<std::int64_t>(argument));
    case ByteString: {
        const std::optional<std::string_view> data = readString(argument);
        if (!data)
            return std::nullopt;
        return Value(Bytes{std::string(*data)});
    }
    case TextString: {
        const std::optional<std::string_view> text = readString(argument);
        if (!text)
            return std::nullopt;
        if (!isValidUtf8(*text))
            return fail("invalid UTF-8 in text string");
        return Value(std::string(*text));
    }
    case ArrayType: {
        if (depth >= maxDepth)
            return fail("nesting too deep");
        // Every item takes at least one byte: a larger count cannot be genuine.
        if (argument > remaining())
            return fail("array length exceeds the data");
        Array array;
        // Reserved from a budget of one Value per input byte for the whole decode: the items
        // of an honest input never exceed its bytes, so each of its arrays is reserved once,
        // exactly (growing by doubling moved every Value ~twice); a forged one can make the
        // decoder reserve no more than an honest input of the same size makes it fill.
        const auto reserved = static_cast<std::size_t>(std::min<std::uint64_t>(argument, m_reserveBudget));
        m_reserveBudget -= reserved;
        array.reserve(reserved);
        for (std::uint64_t k = 0; k < argument; ++k) {
            std::optional<Value> element = item(depth + 1);
            if (!element)
                return std::nullopt;
            array.push_back(std::move(*element));
        }
        return Value(std::move(array));
    }
    case MapType: {
        if (depth >= maxDepth)
            return fail("nesting too deep");
        // Every entry takes at least two bytes (a key and a value).
        if (argument > remaining() / 2)
            return fail("map length exceeds the data");
        std::vector<Map::Entry> entries;
        for (std::uint64_t k = 0; k < argument; ++k) {
            if (remaining() == 0 || static_cast<std::uint8_t>(m_bytes[m_offset]) >> 5 != TextString)
                return fail("map key is not a text string");
            std::optional<Value> key = item(depth + 1);
            if (!key)
                return std::nullopt;
            std::optional<Value> value = item(depth + 1);
            if (!value)
                return std::nullopt;
            entries.emplace_back(std::string(key->toText()), std::move(*value));
        }
        std::optional<Map> map = Map::fromUniqueEntries(std::move(entries));
        if (!map)
            return fail("duplicate map key");
        return Value(std::move(*map));
    }
    case Tag:
        m_offset = start;
        return fail("tags are not supported");
    case Simple:
        break; // handled above
    }
    return fail("malformed item");
}

} // namespace

std::optional<Value> decodeFirst(std::string_view bytes, std::size_t *consumed, std::string *error)
{
    Decoder decoder(bytes);
    std::optional<Value> value = decoder.item(0);
    if (!value) {
        if (error)
            *error = decoder.error();
        return std::nullopt;
    }
    if (consumed)
        *consumed = decoder.offset();
    return value;
}

std::optional<Value> decode(std::string_view bytes, std::string *error)
{
    std::size_t consumed = 0;
    std::optional<Value> value = decodeFirst(bytes, &consumed, error);
    if (value && consumed != bytes.size()) {
        if (error)
            *error = "trailing bytes after the CBOR item at byte " + std::to_string(consumed);
        return std::nullopt;
    }
    return value;
}

} // namespace ProcessLab::Protocol
