// SPDX-License-Identifier: MIT
#pragma once

// The subset of CBOR (RFC 8949) the wire protocol needs, in plain C++ so processlab-worker
// links no Qt: every library the dynamic loader maps costs start-up time (measured: ~85% of
// a Qt worker's start was the loader, see docs/performance.md).
//
// Supported: null, false/true, integers in the int64 range, floating point (half, single
// and double precision), UTF-8 text, byte strings, arrays and maps with text keys. A Map
// iterates in insertion order, like QCborMap; the encoder writes its keys sorted (below).
//
// The decoder is strict because it reads what another process sent: it rejects
// indefinite-length items, tags, simple values other than false/true/null, integers
// outside int64, invalid UTF-8, non-text or duplicate map keys, nesting deeper than
// maxDepth, and any length that exceeds the bytes actually present (checked before
// anything is allocated, so a forged header cannot make it reserve gigabytes).

#include <initializer_list>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace ProcessLab::Protocol {

class Value;

// A CBOR byte string; a distinct type so it never gets mixed up with UTF-8 text.
struct Bytes
{
    std::string data;

    bool operator==(const Bytes &other) const = default;
};

using Array = std::vector<Value>;

// A CBOR map with text keys, iterated in insertion order. Lookups are linear: protocol maps
// have a handful of keys, where a scan beats hashing.
class Map
{
public:
    using Entry = std::pair<std::string, Value>;

    Map() = default;
    Map(std::initializer_list<Entry> entries); // a repeated key keeps its last value
    // Takes the entries as they are, in order; nullopt if a key occurs twice.
    static std::optional<Map> fromUniqueEntries(std::vector<Entry> entries);

    // Replaces the value of an existing key in place, otherwise appends.
    void insert(std::string key, Value value);
    bool remove(std::string_view key);
    std::optional<Value> take(std::string_view key);

    bool contains(std::string_view key) const { return find(key) != nullptr; }
    const Value *find(std::string_view key) const; // nullptr if absent
    const Value &value(std::string_view key) const; // a null Value if absent

    // Defined below Value: clang instantiates these where they stand, and Entry needs a
    // complete Value there.
    std::size_t size() const;
    bool empty() const;
    std::vector<Entry>::const_iterator begin() const;
    std::vector<Entry>::const_iterator end() const;

    // Same keys with equal values, in any order: a CBOR map is unordered, and two maps
    // that compare equal have the same (sorted) encoding.
    bool operator==(const Map &other) const;

private:
    std::vector<Entry> m_entries;
};

class Value
{
public:
    enum class Type { Null, Bool, Integer, Double, Text, Bytes, Array, Map };

    Value() = default; // null
    Value(std::nullptr_t) {}
    Value(bool value) : m_data(value) {}
    // Any integer type but bool; 64-bit unsigned is excluded because it may not fit.
    // (enable_if rather than a requires-clause: Qt 6.4's moc, which reads this header
    // through protocol.h, cannot parse <concepts>.)
    template <typename T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>
                                               && (std::is_signed_v<T> || sizeof(T) < sizeof(std::int64_t)),
                                           int> = 0>
    Value(T value) : m_data(static_cast<std::int64_t>(value))
    {
    }
    Value(double value) : m_data(value) {}
    Value(const char *text) : m_data(std::string(text)) {} // else it would become a bool
    Value(std::string_view text) : m_data(std::string(text)) {}
    Value(std::string text) : m_data(std::move(text)) {}
    Value(Protocol::Bytes bytes) : m_data(std::move(bytes)) {}
    Value(Protocol::Array array) : m_data(std::move(array)) {}
    Value(Protocol::Map map) : m_data(std::move(map)) {}

    Type type() const { return static_cast<Type>(m_data.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInteger() const { return type() == Type::Integer; }
    bool isDouble() const { return type() == Type::Double; }
    bool isText() const { return type() == Type::Text; }
    bool isBytes() const { return type() == Type::Bytes; }
    bool isArray() const { return type() == Type::Array; }
    bool isMap() const { return type() == Type::Map; }

    // Each returns the fallback (or an empty container) when the value has another type,
    // so a reader can say "the integer at key x, else 0" in one expression.
    bool toBool(bool fallback = false) const;
    std::int64_t toInteger(std::int64_t fallback = 0) const;
    double toDouble(double fallback = 0) const; // integers convert, as in QCborValue
    std::string_view toText(std::string_view fallback = {}) const;
    std::string_view toBytes() const;
    const Protocol::Array &toArray() const;
    const Protocol::Map &toMap() const;

    bool operator==(const Value &other) const = default;

private:
    // Alternatives in the order of Type.
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Protocol::Bytes, Protocol::Array,
                 Protocol::Map>
        m_data;
};

inline std::size_t Map::size() const
{
    return m_entries.size();
}
inline bool Map::empty() const
{
    return m_entries.empty();
}
inline std::vector<Map::Entry>::const_iterator Map::begin() const
{
    return m_entries.cbegin();
}
inline std::vector<Map::Entry>::const_iterator Map::end() const
{
    return m_entries.cend();
}

inline constexpr int maxDepth = 32; // nested arrays/maps the decoder accepts

// Appends the encoding of value to out in RFC 8949 §4.2.1 core deterministic encoding:
// definite lengths; the shortest integer and length heads; each floating-point value in
// the shortest of half, single and double precision that holds it exactly (NaN as the
// half-precision quiet NaN 0xf97e00, §4.2.2); map keys sorted bytewise by their encoded
// form (for text keys: shorter first, then by UTF-8 bytes). So equal values always give
// equal bytes. Text is written as given; callers pass UTF-8.
void encode(const Value &value, std::string &out);
std::string encode(const Value &value);
// Appends the head of an array of size items; the caller appends exactly that many items
// with encode(). For encoding a long array straight from another representation, without
// building an Array of Values first.
void encodeArrayHead(std::size_t size, std::string &out);

// Decodes the one item at the start of bytes and sets *consumed to its encoded length;
// bytes after it are left alone. nullopt and *error (if given) on malformed input.
std::optional<Value> decodeFirst(std::string_view bytes, std::size_t *consumed, std::string *error);
// Decodes bytes that must hold exactly one item; trailing bytes are an error.
std::optional<Value> decode(std::string_view bytes, std::string *error);

} // namespace ProcessLab::Protocol
