// SPDX-License-Identifier: MIT
#include "mailbox.h"

#include <algorithm>

namespace ProcessLab::Worker {

void Mailbox::put(Protocol::Message message)
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_messages.size() >= capacity) {
            m_messages.pop_front();
            ++m_dropped;
        }
        m_messages.push_back(std::move(message));
    }
    m_arrived.notify_all(); // a reply and a request may be awaited by different threads
}

std::optional<Protocol::Message> Mailbox::take(std::chrono::nanoseconds timeout,
                                               const std::function<bool(const Protocol::Message &)> &matches)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(m_mutex);
    for (;;) {
        const auto found = std::find_if(m_messages.begin(), m_messages.end(),
                                        [&matches](const Protocol::Message &m) { return !matches || matches(m); });
        if (found != m_messages.end()) {
            Protocol::Message message = std::move(*found);
            m_messages.erase(found);
            return message;
        }
        if (m_arrived.wait_until(lock, deadline) == std::cv_status::timeout
            && std::chrono::steady_clock::now() >= deadline) {
            // One last look: a message may have come with the timeout.
            const auto last = std::find_if(m_messages.begin(), m_messages.end(),
                                           [&matches](const Protocol::Message &m) { return !matches || matches(m); });
            if (last == m_messages.end())
                return std::nullopt;
            Protocol::Message message = std::move(*last);
            m_messages.erase(last);
            return message;
        }
    }
}

std::size_t Mailbox::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_messages.size();
}

std::size_t Mailbox::dropped() const
{
    const std::lock_guard lock(m_mutex);
    return m_dropped;
}

} // namespace ProcessLab::Worker
