// SPDX-License-Identifier: MIT
#pragma once

#include <QCborArray>
#include <QCborValue>
#include <QList>
#include <QString>

#include <functional>
#include <map>

namespace ProcessLab {

// One call of a Pool (apply_async, map, imap, ...): the results of its items as they arrive.
// Shared by the pool (which fills it) and the AsyncResult / iterator objects the main program
// holds (which read it and listen for changes).
struct PoolJob
{
    enum class Kind { Apply, Map, IMap, IMapUnordered };
    Kind kind = Kind::Apply;
    qsizetype size = 0;            // items (apply: 1)
    // By item index, Undefined (or not there yet) until it arrived. Filled in place as results come, so map()'s
    // result is this very array (shared, not copied item by item when the call returns).
    QCborArray values;
    QList<bool> arrived;           // by item index
    QList<qsizetype> arrivalOrder; // item indexes as their results came (imap_unordered only)
    qsizetype received = 0;
    QString error; // the first error that reached the job ("ValueError: ..."), empty: none

    // imap/imap_unordered with chunksize > 1: CPython returns a generator over the chunks
    // ((item for chunk in result for item in chunk), Lib/multiprocessing/pool.py, Pool.imap):
    // a failed chunk raises at its first item and the iteration ends there.
    bool chunked = false;

    // Ready once every task is done, also after an error: CPython 3.11's MapResult._set "only
    // consider[s] the result ready once all jobs are done"; error keeps the first one.
    bool ready() const { return received == size; }
    bool successful() const { return error.isEmpty(); }

    void resize(qsizetype items)
    {
        size = items;
        arrived.resize(items);
        // Not grown here: setting an index past the end grows the array (Undefined up to it),
        // so the memory of a 1,000,000-item result is touched as results come, a chunk at a
        // time, instead of in one 20 ms stall of the event loop at submit.
        values = QCborArray();
    }

    void setResult(qsizetype index, const QCborValue &value)
    {
        if (index < 0 || index >= size || arrived[index])
            return;
        arrived[index] = true;
        values[index] = value;
        noteArrival(index);
        ++received;
    }
    void setError(qsizetype index, const QString &message)
    {
        if (index < 0 || index >= size || arrived[index])
            return;
        arrived[index] = true;
        ++received;
        noteArrival(index);
        errors.insert({index, message});
        if (error.isEmpty())
            error = message;
    }
    void noteArrival(qsizetype index)
    {
        if (kind == Kind::IMapUnordered) // the others hand out results by index
            arrivalOrder.append(index);
    }
    std::map<qsizetype, QString> errors; // imap: the error is raised where its item comes

    // Listeners: called after each change (a result arrived, the job failed).
    quint64 listen(std::function<void()> listener)
    {
        listeners.insert({++lastListener, std::move(listener)});
        return lastListener;
    }
    void unlisten(quint64 id) { listeners.erase(id); }
    void changed()
    {
        // A listener may unlisten (itself or another) while we call: iterate over a copy.
        const auto current = listeners;
        for (const auto &[id, listener] : current) {
            if (listeners.count(id))
                listener();
        }
    }

    std::map<quint64, std::function<void()>> listeners;
    quint64 lastListener = 0;
};

} // namespace ProcessLab
