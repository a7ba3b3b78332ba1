// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

namespace ProcessLab {

class RunRecord;

// JSON form of a whole run record; the schema is documented in docs/run-record.md.
inline constexpr int runRecordSchemaVersion = 1;

QJsonObject runRecordToJson(const RunRecord &record);
bool writeRunRecordJson(const RunRecord &record, const QString &path, QString *error);

} // namespace ProcessLab
