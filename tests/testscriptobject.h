// SPDX-License-Identifier: MIT
#pragma once

// A ScriptObject test double: calls that complete at once, after a timer, with an error,
// or never (until Stop cancels them); notifications counted; requests echoed.

#include "examples/hostscript.h"
#include "runtime/scriptobject.h"

#include <QCborArray>
#include <QObject>
#include <QTimer>

#include <memory>

namespace ProcessLab::TestSupport {

class TestScriptObject final : public ScriptObject
{
public:
    struct Counters
    {
        int cancels = 0;
        int notifies = 0;
        int requests = 0;
    };

    TestScriptObject(QString name, QCborArray items, std::shared_ptr<Counters> counters)
        : m_name(std::move(name)), m_items(std::move(items)), m_counters(std::move(counters))
    {
    }

    QString typeName() const override { return QStringLiteral("TestObject"); }

    // now(v) -> v; after(ms, v) -> v later; fail(e) raises e; failAfter(ms, e); wait() never
    // returns; next() -> the next item given at creation, then None; waitNotifies(n) returns
    // n once that many notifications arrived.
    void call(const QString &method, const QList<QCborValue> &arguments, Completion completion) override
    {
        if (method == QLatin1StringView("now"))
            return completion(ScriptResult::success(arguments.value(0)));
        if (method == QLatin1StringView("fail"))
            return completion(ScriptResult::failure(arguments.value(0).toString()));
        if (method == QLatin1StringView("next")) {
            return completion(ScriptResult::success(m_next < m_items.size() ? m_items.at(m_next++) : QCborValue(nullptr)));
        }
        if (method == QLatin1StringView("after") || method == QLatin1StringView("failAfter")) {
            const bool fails = method == QLatin1StringView("failAfter");
            const QCborValue value = arguments.value(1);
            m_timerContext = std::make_unique<QObject>();
            QTimer::singleShot(int(arguments.value(0).toInteger()), m_timerContext.get(), [=] {
                completion(fails ? ScriptResult::failure(value.toString()) : ScriptResult::success(value));
            });
            return;
        }
        if (method == QLatin1StringView("wait")) {
            m_pending = std::move(completion);
            return;
        }
        if (method == QLatin1StringView("waitNotifies")) {
            m_notifiesWanted = int(arguments.value(0).toInteger());
            m_pending = std::move(completion);
            return completeNotifyWait();
        }
        completion(ScriptResult::failure(
            QStringLiteral("AttributeError: 'TestObject' object has no attribute '%1'").arg(method)));
    }

    void cancel() override
    {
        ++m_counters->cancels;
        m_timerContext.reset(); // its timer's completion is dropped
        m_pending = nullptr;
    }

    ScriptResult read(const QString &member) const override
    {
        if (member == QLatin1StringView("value"))
            return ScriptResult::success(m_counters->notifies);
        if (member == QLatin1StringView("[:]"))
            return ScriptResult::success(m_items);
        return ScriptResult::failure(QStringLiteral("AttributeError: 'TestObject' object has no attribute '%1'").arg(member));
    }

    QCborMap attachment(int workerId) const override
    {
        QCborMap map;
        map.insert(QLatin1StringView("object"), m_name);
        map.insert(QLatin1StringView("worker"), workerId);
        return map;
    }

    void handleRequest(int workerId, const QString &method, const QCborValue &body, Reply reply) override
    {
        Q_UNUSED(workerId);
        ++m_counters->requests;
        if (method == QLatin1StringView("echo"))
            return reply(ScriptResult::success(body));
        reply(ScriptResult::failure(QStringLiteral("ValueError: %1").arg(body.toString())));
    }

    void handleNotify(int workerId, const QString &name, const QCborValue &body) override
    {
        Q_UNUSED(workerId);
        Q_UNUSED(body);
        if (name == QLatin1StringView("tick")) {
            ++m_counters->notifies;
            completeNotifyWait();
        }
    }

private:
    void completeNotifyWait()
    {
        if (m_pending && m_notifiesWanted > 0 && m_counters->notifies >= m_notifiesWanted)
            std::exchange(m_pending, nullptr)(ScriptResult::success(m_counters->notifies));
    }

    QString m_name;
    QCborArray m_items;
    qsizetype m_next = 0;
    std::shared_ptr<Counters> m_counters;
    std::unique_ptr<QObject> m_timerContext;
    Completion m_pending;
    int m_notifiesWanted = 0;
};

// A factory for HostScript::objectFactory: "TestObject" with its items as arguments.
inline ScriptObjectFactory testObjectFactory(std::shared_ptr<TestScriptObject::Counters> counters)
{
    return [counters](const ScriptObjectSpec &spec, QString *error) -> std::unique_ptr<ScriptObject> {
        if (spec.type != QLatin1StringView("TestObject")) {
            *error = QStringLiteral("NameError: name '%1' is not defined").arg(spec.type);
            return nullptr;
        }
        QCborArray items;
        for (const QCborValue &item : spec.arguments)
            items.append(item);
        return std::make_unique<TestScriptObject>(spec.name, items, counters);
    };
}

} // namespace ProcessLab::TestSupport
