#pragma once

#include "core/connectors/CrmTypes.h"
#include "core/mapping/Mapping.h"
#include "core/model/FieldDefinition.h"

#include <QDialog>

class QTreeWidget;

namespace syncdesk {

// "Create missing fields": the local fields to give a CRM property of their own, named
// "<Field label> (SyncDesk)" and typed from the local type. Fields that no row maps yet are ticked.
class MissingFieldsDialog : public QDialog {
    Q_OBJECT

public:
    MissingFieldsDialog(CrmKind kind, const QList<FieldDefinition>& fields, const Mapping& mapping,
                        const QList<CrmProperty>& existing, QWidget* parent = nullptr);

    QList<FieldDefinition> chosenFields() const;
    void setChosen(const QStringList& fieldKeys); // for tests and scripts
    QTreeWidget* list() const { return m_list; }

private:
    QList<FieldDefinition> m_fields;
    QTreeWidget* m_list = nullptr;
};

} // namespace syncdesk
