// SPDX-License-Identifier: MIT
#include "scriptevaluation.h"

#include "runtime/pythonvalue.h"

namespace ProcessLab {

namespace {

bool isNumber(const QCborValue &value)
{
    return value.isInteger() || value.isDouble() || value.isBool();
}

qint64 integerOf(const QCborValue &value)
{
    return value.isBool() ? qint64(value.toBool()) : value.toInteger();
}

ScriptResult arithmetic(ScriptExpression::Kind op, const QCborValue &left, const QCborValue &right)
{
    const QString symbol = op == ScriptExpression::Kind::Add        ? QStringLiteral("+")
                           : op == ScriptExpression::Kind::Subtract ? QStringLiteral("-")
                                                                    : QStringLiteral("*");
    if (op == ScriptExpression::Kind::Add && left.isString() && right.isString())
        return ScriptResult::success(QString(left.toString() + right.toString()));
    if (!isNumber(left) || !isNumber(right)) {
        return ScriptResult::failure(QStringLiteral("TypeError: unsupported operand type(s) for %1: '%2' and '%3'")
                                         .arg(symbol, pythonTypeName(left), pythonTypeName(right)));
    }
    if (left.isDouble() || right.isDouble()) {
        const double a = left.isDouble() ? left.toDouble() : double(integerOf(left));
        const double b = right.isDouble() ? right.toDouble() : double(integerOf(right));
        return ScriptResult::success(op == ScriptExpression::Kind::Add        ? a + b
                                     : op == ScriptExpression::Kind::Subtract ? a - b
                                                                              : a * b);
    }
    const qint64 a = integerOf(left);
    const qint64 b = integerOf(right);
    qint64 result = 0;
    const bool overflow = op == ScriptExpression::Kind::Add        ? __builtin_add_overflow(a, b, &result)
                          : op == ScriptExpression::Kind::Subtract ? __builtin_sub_overflow(a, b, &result)
                                                                   : __builtin_mul_overflow(a, b, &result);
    if (overflow) // Python's ints are unbounded; ours are CBOR's 64 bits
        return ScriptResult::failure(QStringLiteral("OverflowError: integer %1 out of range").arg(symbol));
    return ScriptResult::success(result);
}

} // namespace

ScriptResult evaluateExpression(const ScriptExpression &expression, const QHash<QString, QCborValue> &variables,
                                const ScriptObjectLookup &objects)
{
    switch (expression.kind) {
    case ScriptExpression::Kind::Literal:
        return ScriptResult::success(expression.literal);
    case ScriptExpression::Kind::Variable: {
        const auto it = variables.constFind(expression.name);
        if (it == variables.cend())
            return ScriptResult::failure(QStringLiteral("NameError: name '%1' is not defined").arg(expression.name));
        return ScriptResult::success(*it);
    }
    case ScriptExpression::Kind::ObjectRead: {
        const ScriptObject *object = objects ? objects(expression.name) : nullptr;
        if (!object)
            return ScriptResult::failure(QStringLiteral("NameError: name '%1' is not defined").arg(expression.name));
        return object->read(expression.member);
    }
    case ScriptExpression::Kind::Add:
    case ScriptExpression::Kind::Subtract:
    case ScriptExpression::Kind::Multiply: {
        if (expression.operands.size() != 2)
            return ScriptResult::failure(QStringLiteral("SyntaxError: an operator needs two operands"));
        const ScriptResult left = evaluateExpression(expression.operands[0], variables, objects);
        if (!left.ok())
            return left;
        const ScriptResult right = evaluateExpression(expression.operands[1], variables, objects);
        if (!right.ok())
            return right;
        return arithmetic(expression.kind, left.value, right.value);
    }
    }
    return ScriptResult::failure(QStringLiteral("SyntaxError: unknown expression"));
}

} // namespace ProcessLab
