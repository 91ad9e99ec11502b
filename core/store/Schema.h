#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace syncdesk {

// One step of the workspace schema. Migrations run in order inside one transaction each;
// PRAGMA user_version holds the number of the last one applied. Never edit a released
// migration: add a new one at the end.
struct SchemaMigration {
    int version;
    QStringList statements;
};

const QList<SchemaMigration>& workspaceMigrations();
int currentSchemaVersion();

} // namespace syncdesk
