// SPDX-License-Identifier: MIT
#include "asyncresultobject.h"

#include <QCborArray>

#include <algorithm>
#include <limits>

namespace ProcessLab {

namespace {
std::optional<double> timeoutArgument(const QList<QCborValue> &arguments)
{
    if (arguments.isEmpty() || arguments.constFirst().isNull() || arguments.constFirst().isUndefined())
        return std::nullopt;
    return arguments.constFirst().toDouble();
}
} // namespace

AsyncResultObject::AsyncResultObject(std::shared_ptr<PoolJob> job)
    : m_job(std::move(job))
{
    m_listener = m_job->listen([this] { tryComplete(); });
}

AsyncResultObject::~AsyncResultObject()
{
    m_job->unlisten(m_listener);
}

QString AsyncResultObject::typeName() const
{
    switch (m_job->kind) {
    case PoolJob::Kind::Apply: return QStringLiteral("ApplyResult");
    case PoolJob::Kind::Map: return QStringLiteral("MapResult");
    case PoolJob::Kind::IMap: return QStringLiteral("IMapIterator");
    case PoolJob::Kind::IMapUnordered: return QStringLiteral("IMapUnorderedIterator");
    }
    return QStringLiteral("AsyncResult");
}

void AsyncResultObject::call(const QString &method, const QList<QCborValue> &arguments, Completion completion)
{
    const bool iterator = m_job->kind == PoolJob::Kind::IMap || m_job->kind == PoolJob::Kind::IMapUnordered;
    if (iterator && (method == QLatin1StringView("next") || method == QLatin1StringView("__next__")))
        return wait(timeoutArgument(arguments), std::move(completion), false, true);
    if (!iterator) {
        if (method == QLatin1StringView("ready"))
            return completion(ScriptResult::success(m_job->ready()));
        if (method == QLatin1StringView("successful")) {
            if (!m_job->ready())
                // Python: ValueError("{0!r} not ready".format(self)), the object's default repr.
                return completion(ScriptResult::failure(QStringLiteral("ValueError: <multiprocessing.pool.%1 object at 0x%2> not ready")
                                                            .arg(typeName())
                                                            .arg(quintptr(this), 0, 16)));
            return completion(ScriptResult::success(m_job->successful()));
        }
        if (method == QLatin1StringView("get"))
            return wait(timeoutArgument(arguments), std::move(completion), false, false);
        if (method == QLatin1StringView("wait"))
            return wait(timeoutArgument(arguments), std::move(completion), true, false);
    }
    completion(ScriptResult::failure(
        QStringLiteral("AttributeError: '%1' object has no attribute '%2'").arg(typeName(), method)));
}

std::optional<ScriptResult> AsyncResultObject::outcome() const
{
    const PoolJob &job = *m_job;
    if (m_next) {
        if (m_nextIndex >= job.size || m_exhausted)
            return ScriptResult::failure(QStringLiteral("StopIteration"));
        const qsizetype index = job.kind == PoolJob::Kind::IMap
                                    ? m_nextIndex
                                    : (m_nextIndex < job.arrivalOrder.size() ? job.arrivalOrder.at(m_nextIndex) : -1);
        if (index < 0 || !job.arrived.at(index))
            return std::nullopt;
        if (const auto error = job.errors.find(index); error != job.errors.end())
            return ScriptResult::failure(error->second);
        return ScriptResult::success(job.values.at(index));
    }
    if (!job.ready())
        return std::nullopt;
    if (m_waitOnly)
        return ScriptResult::success();
    if (!job.successful())
        return ScriptResult::failure(job.error);
    if (job.kind == PoolJob::Kind::Apply)
        return ScriptResult::success(job.values.at(0));
    return ScriptResult::success(job.values);
}

void AsyncResultObject::wait(std::optional<double> timeoutSeconds, Completion completion, bool waitOnly, bool next)
{
    m_completion = std::move(completion);
    m_waitOnly = waitOnly;
    m_next = next;
    if (tryComplete())
        return;
    if (!timeoutSeconds)
        return; // the job's listener completes it
    m_timeout = std::make_unique<QTimer>();
    m_timeout->setSingleShot(true);
    m_timeout->setTimerType(Qt::PreciseTimer); // never earlier than asked, as in Python
    const double milliseconds = std::clamp(*timeoutSeconds * 1000.0 + 0.5, 0.0, double(std::numeric_limits<int>::max()));
    m_timeout->setInterval(std::chrono::milliseconds(qint64(milliseconds)));
    m_timeout->callOnTimeout([this] {
        Completion completion = std::move(m_completion);
        const bool waitOnly = m_waitOnly;
        endWait();
        // wait(timeout) returns None; get(timeout) and next(timeout) raise, named as Python 3.11
        // prints it (the class lives in multiprocessing.context).
        completion(waitOnly ? ScriptResult::success() : ScriptResult::failure(QStringLiteral("multiprocessing.context.TimeoutError")));
    });
    m_timeout->start();
}

bool AsyncResultObject::tryComplete()
{
    if (!m_completion)
        return false;
    std::optional<ScriptResult> result = outcome();
    if (!result)
        return false;
    if (m_next) {
        ++m_nextIndex;
        // A chunked imap is CPython's generator over chunks: once it raised, it is finished.
        if (!result->ok() && m_job->chunked)
            m_exhausted = true;
    }
    Completion completion = std::move(m_completion);
    endWait();
    completion(std::move(*result));
    return true;
}

void AsyncResultObject::endWait()
{
    m_completion = nullptr;
    if (m_timeout) {
        m_timeout->stop();
        // Not deleted here: this may run inside the timer's own slot.
        m_timeout.release()->deleteLater();
    }
}

void AsyncResultObject::cancel()
{
    endWait();
}

ScriptResult AsyncResultObject::read(const QString &member) const
{
    return ScriptResult::failure(
        QStringLiteral("AttributeError: '%1' object has no attribute '%2'").arg(typeName(), member));
}

QCborMap AsyncResultObject::attachment(int workerId) const
{
    Q_UNUSED(workerId);
    return {}; // a result stays in the main program
}

} // namespace ProcessLab
