# SPDX-License-Identifier: MIT
"""Frames of the host's wire protocol (src/core/protocol/protocol.h): a 4-byte big-endian
payload length, then a CBOR map with an integer "type" key."""

import struct

from . import cbor

MAGIC = 0x504C4142  # "PLAB"
VERSION = 1
TOKEN_SIZE = 16
MAX_FRAME_SIZE = 16 * 1024 * 1024
HELLO_FRAME_LIMIT = 1024

HELLO = 1
NOTIFY = 7

# A Notify's name is at most this many UTF-8 bytes (Protocol::maxNameSize).
MAX_NAME_SIZE = 256


def frame(message_type, body):
    """A complete frame; ValueError if it is over the host's frame cap."""
    payload = dict(body)
    payload["type"] = message_type
    encoded = cbor.encode(payload)
    if len(encoded) > MAX_FRAME_SIZE:
        raise ValueError("frame of %d bytes exceeds the limit" % len(encoded))
    return struct.pack(">I", len(encoded)) + encoded


def hello(token, pid, time_ns, worker=0):
    if len(token) != TOKEN_SIZE:
        raise ValueError("the run token must be %d bytes" % TOKEN_SIZE)
    return frame(HELLO, {"magic": MAGIC, "version": VERSION, "token": bytes(token),
                         "worker": worker, "pid": pid, "t": time_ns})


def notify(name, body):
    return frame(NOTIFY, {"name": name, "body": body})
