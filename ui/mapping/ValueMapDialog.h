#pragma once

#include "core/connectors/CrmTypes.h"
#include "core/model/FieldDefinition.h"

#include <QDialog>
#include <QMap>

class QTableWidget;

namespace syncdesk {

// Edits one target's value map: each local value (a choice field's choices, yes/no of a boolean,
// and any value already mapped) next to the CRM option it is written as. With a property that
// has options, the CRM side is a list of those options; else free text.
class ValueMapDialog : public QDialog {
    Q_OBJECT

public:
    ValueMapDialog(const FieldDefinition* field, const CrmProperty* property,
                   const QMap<QString, QString>& valueMap, QWidget* parent = nullptr);

    // Entries with both sides filled in.
    QMap<QString, QString> valueMap() const;
    // For tests and keyboard users: sets the CRM value of a local value (adding the line if needed).
    void setEntry(const QString& localValue, const QString& crmValue);
    QTableWidget* table() const { return m_table; }

private:
    void addLine(const QString& localValue, const QString& crmValue);
    QString crmValueAt(int line) const;

    const CrmProperty* m_property;
    QTableWidget* m_table = nullptr;
};

} // namespace syncdesk
