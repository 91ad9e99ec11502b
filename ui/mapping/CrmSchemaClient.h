#pragma once

#include "core/connectors/CrmTypes.h"
#include "core/log/ConnectorLog.h"
#include "core/model/FieldDefinition.h"
#include "core/store/ConnectionStore.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class QThread;

namespace syncdesk {

class CancelFlag;
class SecretStore;

// What a schema job came to.
struct CrmSchemaResult {
    QString connectionUuid;
    RecordObject object = RecordObject::Company;
    std::optional<QList<CrmProperty>> properties; // the CRM's property list after the job
    QList<CrmProperty> created;                   // create jobs: the properties created
    QStringList problems;                         // create jobs: one sentence per property not created
    std::optional<CrmError> error;                // the job failed as a whole (no connector, fetch failed)
};

// Talks to a connection's CRM about its schema ("Refresh CRM fields", "Create missing fields") on a
// thread of its own, so that the window stays responsive (and the in-process Sandbox CRM, served by
// the UI thread, can answer). One job at a time; every HTTP attempt goes to the connector log.
class CrmSchemaClient : public QObject {
    Q_OBJECT

public:
    explicit CrmSchemaClient(SecretStore& secrets, QObject* parent = nullptr);
    ~CrmSchemaClient() override; // cancels a running job and waits for it

    // Where HTTP attempts are logged (nullptr: nowhere). Must outlive the jobs (cancel() first).
    void setLog(ConnectorLog* log) { m_log = log; }

    // False when a job is running.
    bool fetch(const Connection& connection, RecordObject object);
    // Creates each definition (one request each), then fetches the whole list again.
    bool create(const Connection& connection, RecordObject object, const QList<CrmProperty>& definitions);
    bool isBusy() const { return m_thread != nullptr; }
    // Cancels the running job and waits for it (its result is dropped).
    void cancelAndWait();

signals:
    void finished(const syncdesk::CrmSchemaResult& result);

private:
    bool start(const Connection& connection, RecordObject object, const QList<CrmProperty>& definitions);

    SecretStore& m_secrets;
    QPointer<ConnectorLog> m_log;
    QThread* m_thread = nullptr;
    int m_job = 0;
    std::shared_ptr<CancelFlag> m_cancel;
};

} // namespace syncdesk
