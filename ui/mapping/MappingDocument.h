#pragma once

#include "core/connectors/ConnectorFacts.h"
#include "core/connectors/CrmTypes.h"
#include "core/mapping/Mapping.h"
#include "core/mapping/MappingValidator.h"
#include "core/model/FieldDefinition.h"

#include <QObject>
#include <QUndoStack>

#include <optional>

namespace syncdesk {

// The mapping being edited for one connection and object, with what it is checked against (the
// local fields and the CRM's property list) and the undo history of its edits. Every edit is one
// undoable step (a snapshot of the mapping before and after); after each change the mapping is
// validated again (MappingValidator) so that the editor can show each problem next to its row.
class MappingDocument : public QObject {
    Q_OBJECT

public:
    explicit MappingDocument(QObject* parent = nullptr);
    ~MappingDocument() override;

    // What the mapping is edited against. Clears the undo history.
    void setContext(CrmKind kind, RecordObject object, const QList<FieldDefinition>& localFields);
    // The CRM's properties of the object; nullopt while they are not known (then nothing can be
    // checked against the CRM and saving is refused).
    void setCrmProperties(const std::optional<QList<CrmProperty>>& properties);
    // Starts editing `mapping`. `stored`: it is what the workspace holds (else, e.g. a default
    // mapping never saved, the document starts modified). Clears the undo history.
    void load(const Mapping& mapping, bool stored);

    CrmKind kind() const { return m_kind; }
    RecordObject object() const { return m_object; }
    const ConnectorFacts& facts() const { return m_facts; }
    const Mapping& mapping() const { return m_mapping; }
    const QList<FieldDefinition>& localFields() const { return m_fields; }
    const QList<CrmProperty>& crmProperties() const { return m_properties; }
    bool crmPropertiesKnown() const { return m_propertiesKnown; }
    const FieldDefinition* field(const QString& key) const;
    const CrmProperty* property(const QString& name) const;

    // ---- State -----------------------------------------------------------------------------
    const QList<MappingProblem>& problems() const { return m_problems; }
    QList<MappingProblem> problemsOf(int row, int target) const; // target -1: the row as a whole
    bool hasErrors() const;
    int errorCount() const;
    // Why the mapping cannot be saved right now (translated), or empty.
    QString saveBlocker() const;
    int matchKeyRow() const { return m_mapping.matchKeyRow(m_facts); }
    // True for every row targeting the match property after the match-key row (the key's fallbacks).
    bool isKeyFallbackRow(int row) const;
    bool isModified() const { return m_unsaved || !m_undo.isClean(); }
    // Nothing stored for this connection and object yet, and not edited: the default mapping.
    bool isUnsavedDefault() const { return m_unsaved && m_undo.isClean(); }
    void markSaved();
    QUndoStack* undoStack() { return &m_undo; }

    // ---- Edits (one undo step each; nothing happens when the result equals the mapping) --------
    void edit(const Mapping& after, const QString& description);
    // Adds a row for `fieldKey` (with the field's default target when the CRM has a property of the
    // same name, else no target yet) at `position` (-1: the end). Returns its index.
    int addRow(const QString& fieldKey, int position = -1);
    void removeRow(int row);
    void moveRow(int from, int to);
    // Adds a target on `property` (default strategy for it) to `row`. Returns its index.
    int addTarget(int row, const QString& property);
    // Removes the target; the row goes too when it was its only target.
    void removeTarget(int row, int target);
    void setField(int row, const QString& fieldKey);
    void setProperty(int row, int target, const QString& property);
    void setStrategy(int row, int target, UpdateStrategy strategy);
    void setClearWhenEmpty(int row, int target, bool on);
    void setValueMap(int row, int target, const QMap<QString, QString>& valueMap);

signals:
    // The mapping, its problems or its context changed.
    void changed();
    // isModified() changed, or isUnsavedDefault() did.
    void modifiedChanged(bool modified);

private:
    friend class MappingSnapshotCommand;
    void apply(const Mapping& mapping); // from the undo stack
    void revalidate();
    QString fieldLabel(const QString& key) const;

    CrmKind m_kind = CrmKind::HubSpot;
    RecordObject m_object = RecordObject::Company;
    ConnectorFacts m_facts;
    QList<FieldDefinition> m_fields;
    QList<CrmProperty> m_properties;
    bool m_propertiesKnown = false;
    Mapping m_mapping;
    QList<MappingProblem> m_problems;
    QUndoStack m_undo;
    bool m_unsaved = false;
    bool m_lastModified = false;
};

} // namespace syncdesk
