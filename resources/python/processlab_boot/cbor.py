# SPDX-License-Identifier: MIT
"""The subset of CBOR (RFC 8949) the host's frames need, standard library only.

Written in the core deterministic encoding of src/core/protocol/cbor.h, so equal values give
equal bytes in Python and in C++: the shortest integer and length heads, each float in the
shortest of half, single and double precision that holds it exactly (NaN as f97e00), map
keys sorted by their encoded bytes. Supported: None, bool, int in the int64 range, float,
str, bytes, list/tuple, dict with str keys.
"""

import math
import struct

INT64_MIN = -(1 << 63)
INT64_MAX = (1 << 63) - 1


class EncodeError(ValueError):
    pass


def _head(major, value, out):
    if value < 24:
        out.append((major << 5) | value)
    elif value < 0x100:
        out.append((major << 5) | 24)
        out.append(value)
    elif value < 0x10000:
        out.append((major << 5) | 25)
        out += value.to_bytes(2, "big")
    elif value < 0x100000000:
        out.append((major << 5) | 26)
        out += value.to_bytes(4, "big")
    else:
        out.append((major << 5) | 27)
        out += value.to_bytes(8, "big")


def _float(value, out):
    if math.isnan(value):
        out += b"\xf9\x7e\x00"
        return
    for code, fmt in ((0xF9, ">e"), (0xFA, ">f")):
        try:
            packed = struct.pack(fmt, value)
        except (OverflowError, struct.error):
            continue
        if struct.unpack(fmt, packed)[0] == value:
            out.append(code)
            out += packed
            return
    out.append(0xFB)
    out += struct.pack(">d", value)


def _encode(value, out, depth):
    if depth > 32:
        raise EncodeError("nested deeper than 32")
    if value is None:
        out.append(0xF6)
    elif value is True:
        out.append(0xF5)
    elif value is False:
        out.append(0xF4)
    elif isinstance(value, int):
        if not INT64_MIN <= value <= INT64_MAX:
            raise EncodeError("integer outside the int64 range")
        if value >= 0:
            _head(0, value, out)
        else:
            _head(1, -1 - value, out)
    elif isinstance(value, float):
        _float(value, out)
    elif isinstance(value, str):
        data = value.encode("utf-8", "replace")
        _head(3, len(data), out)
        out += data
    elif isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        _head(2, len(data), out)
        out += data
    elif isinstance(value, (list, tuple)):
        _head(4, len(value), out)
        for item in value:
            _encode(item, out, depth + 1)
    elif isinstance(value, dict):
        entries = []
        for key, item in value.items():
            if not isinstance(key, str):
                raise EncodeError("map keys must be str")
            encoded_key = bytearray()
            _encode(key, encoded_key, depth + 1)
            entries.append((bytes(encoded_key), item))
        entries.sort(key=lambda entry: entry[0])
        _head(5, len(entries), out)
        for encoded_key, item in entries:
            out += encoded_key
            _encode(item, out, depth + 1)
    else:
        raise EncodeError("cannot encode %s" % type(value).__name__)


def encode(value):
    """The CBOR bytes of value; EncodeError for what the subset does not hold."""
    out = bytearray()
    _encode(value, out, 0)
    return bytes(out)
