// SPDX-License-Identifier: MIT
// CellsView: multiprocessing.Value / Array (docs/ipc.md).
// Segment: [ObjectHeader 64][SharedLock::State 32][writes u64][24 reserved][cells from 128]
// Cells are read and written with relaxed std::atomic_ref loads and stores, never a
// read-modify-write: `v.value += 1` without the lock loses updates (as in Python), without UB.
#include "objectheader.h"
#include "sharedlockstate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ProcessLab::Shm {

namespace {
constexpr std::size_t cellsOffset = 128;

std::size_t cellBytes(TypeCode type)
{
    switch (type) {
    case TypeCode::Int: return sizeof(std::int32_t);
    case TypeCode::Double: return sizeof(double);
    case TypeCode::Char:
    case TypeCode::SignedChar: return 1;
    }
    return 0;
}

bool validType(std::uint32_t code)
{
    switch (static_cast<TypeCode>(code)) {
    case TypeCode::Int:
    case TypeCode::Double:
    case TypeCode::Char:
    case TypeCode::SignedChar: return true;
    }
    return false;
}

static_assert(std::atomic_ref<std::int32_t>::is_always_lock_free);
static_assert(std::atomic_ref<double>::is_always_lock_free);
static_assert(std::atomic_ref<std::uint8_t>::is_always_lock_free);
static_assert(std::atomic_ref<std::int8_t>::is_always_lock_free);

template <class T>
T loadCell(char *cells, std::size_t index)
{
    return std::atomic_ref<T>(reinterpret_cast<T *>(cells)[index]).load(std::memory_order_relaxed);
}

template <class T>
void storeCell(char *cells, std::size_t index, T value)
{
    std::atomic_ref<T>(reinterpret_cast<T *>(cells)[index]).store(value, std::memory_order_relaxed);
}
} // namespace

struct CellsView::Layout
{
    ObjectHeader header;                // 0
    SharedLock::State lock;             // 64
    std::atomic<std::uint64_t> writes;  // 96
    std::uint64_t reserved[3];          // 104

    char *cells() { return reinterpret_cast<char *>(this) + cellsOffset; }
    TypeCode type() const { return static_cast<TypeCode>(header.typeCode); }
};

std::size_t CellsView::segmentSize(TypeCode type, std::size_t count)
{
    static_assert(sizeof(Layout) == cellsOffset); // the layout docs/ipc.md describes
    return (cellsOffset + cellBytes(type) * count + 7) & ~std::size_t(7);
}

CellsView CellsView::initialize(void *memory, std::size_t size, ObjectKind kind, TypeCode type, std::size_t count,
                                bool withLock, std::uint64_t observationBudget)
{
    if (!validType(static_cast<std::uint32_t>(type)) || (kind != ObjectKind::Value && kind != ObjectKind::Array))
        throw std::invalid_argument("CellsView::initialize: not a Value/Array type code or kind");
    requireSegmentSize(size, segmentSize(type, count), "CellsView::initialize");
    auto *layout = static_cast<Layout *>(memory);
    ObjectHeader *header = initializeHeader(memory, kind, segmentSize(type, count), observationBudget);
    header->parameter = count;
    header->typeCode = static_cast<std::uint32_t>(type);
    header->flags = withLock ? flagHasLock : 0;
    SharedLock::initialize(&layout->lock);
    new (&layout->writes) std::atomic<std::uint64_t>(0);
    std::fill(layout->cells(), layout->cells() + cellBytes(type) * count, char(0));
    publishHeader(header);
    return CellsView(layout);
}

std::optional<CellsView> CellsView::attach(void *memory, std::size_t size, std::string *error)
{
    const auto kind = objectKindOf(memory, size);
    ObjectHeader *header =
        checkHeader(memory, size, kind == ObjectKind::Array ? ObjectKind::Array : ObjectKind::Value, error);
    if (!header)
        return std::nullopt;
    if (!validType(header->typeCode)
        || header->parameter > (header->segmentSize - cellsOffset) / cellBytes(static_cast<TypeCode>(header->typeCode))) {
        if (error)
            *error = "shared-memory value has an invalid type code or cell count";
        return std::nullopt;
    }
    return CellsView(static_cast<Layout *>(memory));
}

ObjectKind CellsView::kind() const
{
    return static_cast<ObjectKind>(m_layout->header.kind);
}

TypeCode CellsView::type() const
{
    return m_layout->type();
}

std::size_t CellsView::count() const
{
    return static_cast<std::size_t>(m_layout->header.parameter);
}

bool CellsView::hasLock() const
{
    return m_layout->header.flags & flagHasLock;
}

SharedLock CellsView::lock()
{
    return SharedLock(&m_layout->lock);
}

std::int64_t CellsView::integerAt(std::size_t index) const
{
    char *cells = m_layout->cells();
    switch (m_layout->type()) {
    case TypeCode::Int: return loadCell<std::int32_t>(cells, index);
    case TypeCode::Char: return loadCell<std::uint8_t>(cells, index);
    case TypeCode::SignedChar: return loadCell<std::int8_t>(cells, index);
    case TypeCode::Double: {
        const double value = loadCell<double>(cells, index);
        if (!std::isfinite(value))
            return 0;
        return value >= 9.2e18 ? std::numeric_limits<std::int64_t>::max()
                               : (value <= -9.2e18 ? std::numeric_limits<std::int64_t>::min()
                                                   : static_cast<std::int64_t>(value));
    }
    }
    return 0;
}

double CellsView::doubleAt(std::size_t index) const
{
    if (m_layout->type() == TypeCode::Double)
        return loadCell<double>(m_layout->cells(), index);
    return static_cast<double>(integerAt(index));
}

void CellsView::setInteger(std::size_t index, std::int64_t value)
{
    char *cells = m_layout->cells();
    // Integers wrap to the cell's width as C does (the caller range-checks what users type).
    switch (m_layout->type()) {
    case TypeCode::Int: storeCell<std::int32_t>(cells, index, static_cast<std::int32_t>(value)); break;
    case TypeCode::Char: storeCell<std::uint8_t>(cells, index, static_cast<std::uint8_t>(value)); break;
    case TypeCode::SignedChar: storeCell<std::int8_t>(cells, index, static_cast<std::int8_t>(value)); break;
    case TypeCode::Double: storeCell<double>(cells, index, static_cast<double>(value)); break;
    }
}

void CellsView::setDouble(std::size_t index, double value)
{
    if (m_layout->type() == TypeCode::Double) {
        storeCell<double>(m_layout->cells(), index, value);
        return;
    }
    setInteger(index, std::isfinite(value) ? static_cast<std::int64_t>(std::trunc(std::clamp(value, -9.2e18, 9.2e18))) : 0);
}

bool CellsView::claimObservation()
{
    return Shm::claimObservation(&m_layout->header);
}

std::uint64_t CellsView::writes() const
{
    return m_layout->writes.load(std::memory_order_relaxed);
}

void CellsView::countWrite()
{
    m_layout->writes.fetch_add(1, std::memory_order_relaxed);
}

Recovery CellsView::recoverDeadProcess(std::uint32_t pid)
{
    Recovery recovery;
    if (hasLock())
        recovery.lockRecovered = lock().recoverIfOwnedBy(pid);
    return recovery;
}

} // namespace ProcessLab::Shm
