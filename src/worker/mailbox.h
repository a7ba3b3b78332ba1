// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/protocol.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>

namespace ProcessLab::Worker {

// Frames the host sends while the behaviour runs (replies, requests), put here by the
// reader thread and taken by the behaviour's thread. Thread-safe; waits have a timeout.
class Mailbox
{
public:
    // At most this many unread messages are kept; an older one is dropped for a newer
    // (the host is trusted, but a behaviour that never reads must not grow without bound).
    static constexpr std::size_t capacity = 4096;

    void put(Protocol::Message message);
    // The first message that matches (any, without a predicate), removed; nullopt when none
    // arrived within timeout.
    std::optional<Protocol::Message> take(std::chrono::nanoseconds timeout,
                                          const std::function<bool(const Protocol::Message &)> &matches = {});
    std::size_t size() const;
    std::size_t dropped() const;

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_arrived;
    std::deque<Protocol::Message> m_messages;
    std::size_t m_dropped = 0;
};

} // namespace ProcessLab::Worker
