// SPDX-License-Identifier: MIT
// SharedLock: a futex-style mutex whose word holds the owner's pid (docs/ipc.md).
// Acquire: CAS 0 -> pid; spin a little; then mark the word contended (waiters bit) and wait
// on it in slices of at most 100 ms, checking after each slice whether the owner still
// lives; a dead owner's lock is taken over (CAS dead word -> pid | waiters bit).
// Release: swap to 0; wake one waiter only if the waiters bit was set. A waiter that takes
// the lock after waiting sets the waiters bit itself, so the wake chain never breaks.
#include "sharedlockstate.h"

#include "cpurelax.h"
#include "platform/addresswait.h"
#include "platform/processliveness.h"

#include <algorithm>
#include <new>

namespace ProcessLab::Shm {

namespace {

constexpr int spinIterations = 200;
constexpr std::chrono::milliseconds livenessInterval(100);

// The counters only the holder writes: a load and a store, no read-modify-write.
void countAcquisition(SharedLock::State *state, bool contended)
{
    state->acquisitions.store(state->acquisitions.load(std::memory_order_relaxed) + 1,
                              std::memory_order_relaxed);
    if (contended)
        state->contended.store(state->contended.load(std::memory_order_relaxed) + 1,
                               std::memory_order_relaxed);
}

void countRecovery(SharedLock::State *state, std::uint32_t deadOwner)
{
    state->lastDeadOwner.store(deadOwner, std::memory_order_relaxed);
    state->recoveries.fetch_add(1, std::memory_order_relaxed);
}

} // namespace

bool takeOverLock(SharedLock::State *state, std::uint32_t deadOwner, std::uint32_t pid)
{
    std::uint32_t word = state->word.load(std::memory_order_relaxed);
    while ((word & ~lockWaitersBit) == deadOwner && deadOwner != 0) {
        // Keep the waiters bit: others may sleep on the word; release() then wakes one.
        if (state->word.compare_exchange_weak(word, pid | lockWaitersBit, std::memory_order_acquire,
                                              std::memory_order_relaxed)) {
            countRecovery(state, deadOwner);
            return true;
        }
    }
    return false;
}

LockOutcome acquireLock(SharedLock::State *state, std::uint32_t pid, Deadline deadline)
{
    std::uint32_t word = 0;
    if (state->word.compare_exchange_strong(word, pid, std::memory_order_acquire, std::memory_order_relaxed)) {
        countAcquisition(state, false);
        return {true, 0};
    }
    for (int spin = 0; spin < spinIterations; ++spin) {
        cpuRelax();
        word = state->word.load(std::memory_order_relaxed);
        if (word == 0 && state->word.compare_exchange_weak(word, pid, std::memory_order_acquire,
                                                           std::memory_order_relaxed)) {
            countAcquisition(state, true);
            return {true, 0};
        }
    }
    auto lastLivenessCheck = Clock::now();
    for (;;) {
        word = state->word.load(std::memory_order_relaxed);
        if (word == 0) {
            // We have been waiting, so others may be too: take it marked contended.
            if (state->word.compare_exchange_weak(word, pid | lockWaitersBit, std::memory_order_acquire,
                                                  std::memory_order_relaxed)) {
                countAcquisition(state, true);
                return {true, 0};
            }
            continue;
        }
        if ((word & lockWaitersBit) == 0) {
            if (!state->word.compare_exchange_weak(word, word | lockWaitersBit, std::memory_order_relaxed,
                                                   std::memory_order_relaxed))
                continue;
            word |= lockWaitersBit;
        }
        const auto now = Clock::now();
        if (now - lastLivenessCheck >= livenessInterval) {
            lastLivenessCheck = now;
            const std::uint32_t owner = word & ~lockWaitersBit;
            if (processIsGone(owner)) {
                if (takeOverLock(state, owner, pid)) {
                    countAcquisition(state, true);
                    return {true, owner};
                }
                continue;
            }
        }
        if (deadline && now >= *deadline)
            return {false, 0};
        auto slice = std::chrono::duration_cast<std::chrono::nanoseconds>(livenessInterval - (now - lastLivenessCheck));
        if (deadline)
            slice = std::min(slice, std::chrono::duration_cast<std::chrono::nanoseconds>(*deadline - now));
        AddressWait::wait(state->word, word, slice);
    }
}

std::size_t SharedLock::stateSize()
{
    return sizeof(State);
}

void SharedLock::initialize(State *state)
{
    new (state) State{};
}

bool SharedLock::acquire(std::uint32_t pid, Deadline deadline)
{
    return acquireLock(m_state, pid, deadline).acquired;
}

bool SharedLock::tryAcquire(std::uint32_t pid)
{
    std::uint32_t word = 0;
    if (!m_state->word.compare_exchange_strong(word, pid, std::memory_order_acquire, std::memory_order_relaxed))
        return false;
    countAcquisition(m_state, false);
    return true;
}

bool SharedLock::release(std::uint32_t pid)
{
    std::uint32_t word = m_state->word.load(std::memory_order_relaxed);
    do {
        if ((word & ~lockWaitersBit) != pid)
            return false; // not held by pid: nothing changes (Python raises ValueError)
    } while (!m_state->word.compare_exchange_weak(word, 0, std::memory_order_release, std::memory_order_relaxed));
    if (word & lockWaitersBit)
        AddressWait::wakeOne(m_state->word);
    return true;
}

std::uint32_t SharedLock::owner() const
{
    return m_state->word.load(std::memory_order_relaxed) & ~lockWaitersBit;
}

bool SharedLock::recoverIfOwnedBy(std::uint32_t deadPid)
{
    std::uint32_t word = m_state->word.load(std::memory_order_relaxed);
    while ((word & ~lockWaitersBit) == deadPid && deadPid != 0) {
        if (m_state->word.compare_exchange_weak(word, 0, std::memory_order_release, std::memory_order_relaxed)) {
            countRecovery(m_state, deadPid);
            AddressWait::wakeAll(m_state->word);
            return true;
        }
    }
    return false;
}

SharedLock::Counters SharedLock::counters() const
{
    Counters counters;
    counters.acquisitions = m_state->acquisitions.load(std::memory_order_relaxed);
    counters.contended = m_state->contended.load(std::memory_order_relaxed);
    counters.recoveries = m_state->recoveries.load(std::memory_order_relaxed);
    counters.lastDeadOwner = m_state->lastDeadOwner.load(std::memory_order_relaxed);
    return counters;
}

} // namespace ProcessLab::Shm
