#pragma once

#include "core/model/Contact.h"
#include "core/model/FieldDefinition.h"

#include <QAbstractTableModel>

namespace syncdesk {

class AppContext;

// The contacts of one company (ContactStore::listByCompany: a handful of rows, read on the UI
// thread), with a column per contact field of the workspace.
class ContactListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit ContactListModel(AppContext& context, QObject* parent = nullptr);

    // 0: no company.
    void setCompany(qint64 companyId);
    qint64 companyId() const { return m_companyId; }
    // Reads the contacts again (after an import or a sync).
    void reload();
    QString lastError() const { return m_error; }
    const Contact& contactAt(int row) const { return m_contacts.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void loadFields();

    AppContext& m_context;
    qint64 m_companyId = 0;
    QList<FieldDefinition> m_fields;
    QList<Contact> m_contacts;
    QString m_error;
};

} // namespace syncdesk
