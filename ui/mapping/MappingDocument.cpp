#include "ui/mapping/MappingDocument.h"

#include <QUndoCommand>

namespace syncdesk {

// One edit: the mapping before and after (mappings are small; snapshots keep undo exact).
class MappingSnapshotCommand : public QUndoCommand {
public:
    MappingSnapshotCommand(MappingDocument* document, Mapping before, Mapping after, const QString& text)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after)) {}
    void undo() override { m_document->apply(m_before); }
    void redo() override { m_document->apply(m_after); }

private:
    MappingDocument* m_document;
    Mapping m_before;
    Mapping m_after;
};

namespace {

bool needsCrm(MappingProblem::Code code) {
    switch (code) {
    case MappingProblem::Code::UnknownProperty:
    case MappingProblem::Code::ReadOnlyProperty:
    case MappingProblem::Code::TypeMismatch:
    case MappingProblem::Code::ValueMapRequired:
    case MappingProblem::Code::ValueMapUnknownOption:
    case MappingProblem::Code::ValueMapNotApplicable:
    case MappingProblem::Code::ValueMapIncomplete:
        return true;
    default:
        return false;
    }
}

} // namespace

MappingDocument::MappingDocument(QObject* parent)
    : QObject(parent)
    , m_facts(ConnectorFacts::forKind(CrmKind::HubSpot)) {
    m_undo.setObjectName(QStringLiteral("mappingUndoStack"));
    connect(&m_undo, &QUndoStack::cleanChanged, this, [this] {
        // An unsaved default stays modified, but edited or not is still news (isUnsavedDefault()).
        const bool modified = isModified();
        if (modified != m_lastModified || m_unsaved) {
            m_lastModified = modified;
            emit modifiedChanged(modified);
        }
    });
}

// The undo stack's destructor emits cleanChanged; nobody is to hear of it from a document that goes
// (its editor may be half destroyed already).
MappingDocument::~MappingDocument() {
    disconnect(&m_undo, nullptr, this, nullptr);
}

void MappingDocument::setContext(CrmKind kind, RecordObject object,
                                 const QList<FieldDefinition>& localFields) {
    m_kind = kind;
    m_object = object;
    m_facts = ConnectorFacts::forKind(kind);
    m_fields = localFields;
    m_mapping = Mapping{};
    m_mapping.object = object;
    m_undo.clear();
    revalidate();
}

void MappingDocument::setCrmProperties(const std::optional<QList<CrmProperty>>& properties) {
    m_propertiesKnown = properties.has_value();
    m_properties = properties.value_or(QList<CrmProperty>{});
    revalidate();
}

void MappingDocument::load(const Mapping& mapping, bool stored) {
    m_mapping = mapping;
    m_mapping.object = m_object;
    m_undo.clear();
    m_undo.setClean();
    m_unsaved = !stored;
    revalidate();
    const bool modified = isModified();
    if (modified != m_lastModified) {
        m_lastModified = modified;
        emit modifiedChanged(modified);
    }
}

void MappingDocument::markSaved() {
    m_unsaved = false;
    m_undo.setClean();
    if (m_lastModified) {
        m_lastModified = false;
        emit modifiedChanged(false);
    }
}

const FieldDefinition* MappingDocument::field(const QString& key) const {
    for (const FieldDefinition& f : m_fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

const CrmProperty* MappingDocument::property(const QString& name) const {
    for (const CrmProperty& p : m_properties) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QString MappingDocument::fieldLabel(const QString& key) const {
    const FieldDefinition* f = field(key);
    return f ? f->label : key;
}

QList<MappingProblem> MappingDocument::problemsOf(int row, int target) const {
    QList<MappingProblem> list;
    for (const MappingProblem& p : m_problems) {
        if (p.row == row && p.target == target)
            list.append(p);
    }
    return list;
}

bool MappingDocument::hasErrors() const {
    return errorCount() > 0;
}

int MappingDocument::errorCount() const {
    int n = 0;
    for (const MappingProblem& p : m_problems)
        n += p.isError() ? 1 : 0;
    return n;
}

QString MappingDocument::saveBlocker() const {
    if (!m_propertiesKnown)
        return tr("The CRM's fields are not loaded yet: refresh the CRM fields so that the mapping can be "
                  "checked before it is saved.");
    const int errors = errorCount();
    if (errors > 0)
        return tr("%n problem(s) must be fixed before the mapping can be saved.", nullptr, errors);
    return QString();
}

bool MappingDocument::isKeyFallbackRow(int row) const {
    const int key = matchKeyRow();
    return key >= 0 && row > key && row < m_mapping.rows.size() &&
           m_mapping.rows.at(row).writes(m_facts.matchProperty(m_object));
}

void MappingDocument::apply(const Mapping& mapping) {
    m_mapping = mapping;
    revalidate();
}

void MappingDocument::revalidate() {
    QList<MappingProblem> problems = MappingValidator::validate(m_mapping, m_fields, m_properties, m_facts);
    if (!m_propertiesKnown)
        problems.removeIf([](const MappingProblem& p) { return needsCrm(p.code); });
    m_problems = problems;
    emit changed();
}

void MappingDocument::edit(const Mapping& after, const QString& description) {
    if (after == m_mapping)
        return;
    m_undo.push(new MappingSnapshotCommand(this, m_mapping, after, description));
}

int MappingDocument::addRow(const QString& fieldKey, int position) {
    Mapping m = m_mapping;
    MappingRow row;
    row.fieldKey = fieldKey;
    const CrmProperty* same = property(fieldKey);
    if (same && same->isWritable())
        row.targets.append(defaultTarget(m_facts, m_object, same->name));
    const int at = position < 0 || position > m.rows.size() ? static_cast<int>(m.rows.size()) : position;
    m.rows.insert(at, row);
    edit(m, tr("Add row %1").arg(fieldLabel(fieldKey)));
    return at;
}

void MappingDocument::removeRow(int row) {
    if (row < 0 || row >= m_mapping.rows.size())
        return;
    Mapping m = m_mapping;
    const QString label = fieldLabel(m.rows.at(row).fieldKey);
    m.rows.removeAt(row);
    edit(m, tr("Remove row %1").arg(label));
}

void MappingDocument::moveRow(int from, int to) {
    if (from < 0 || from >= m_mapping.rows.size() || to < 0 || to >= m_mapping.rows.size() || from == to)
        return;
    Mapping m = m_mapping;
    m.rows.move(from, to);
    edit(m, tr("Move row %1").arg(fieldLabel(m.rows.at(to).fieldKey)));
}

int MappingDocument::addTarget(int row, const QString& property) {
    if (row < 0 || row >= m_mapping.rows.size())
        return -1;
    Mapping m = m_mapping;
    m.rows[row].targets.append(defaultTarget(m_facts, m_object, property));
    edit(m, tr("Add target %1").arg(property));
    return static_cast<int>(m.rows.at(row).targets.size()) - 1;
}

void MappingDocument::removeTarget(int row, int target) {
    if (row < 0 || row >= m_mapping.rows.size())
        return;
    if (target < 0 || target >= m_mapping.rows.at(row).targets.size())
        return;
    if (m_mapping.rows.at(row).targets.size() == 1) {
        removeRow(row);
        return;
    }
    Mapping m = m_mapping;
    const QString property = m.rows[row].targets.takeAt(target).property;
    edit(m, tr("Remove target %1").arg(property));
}

void MappingDocument::setField(int row, const QString& fieldKey) {
    if (row < 0 || row >= m_mapping.rows.size())
        return;
    Mapping m = m_mapping;
    m.rows[row].fieldKey = fieldKey;
    edit(m, tr("Map %1").arg(fieldLabel(fieldKey)));
}

void MappingDocument::setProperty(int row, int target, const QString& property) {
    if (row < 0 || row >= m_mapping.rows.size())
        return;
    Mapping m = m_mapping;
    QList<MappingTarget>& targets = m.rows[row].targets;
    if (target < 0 || target >= targets.size()) {
        targets.append(defaultTarget(m_facts, m_object, property));
    } else {
        // A new property starts from its own default strategy; the value map stays (often the point).
        const MappingTarget old = targets.at(target);
        MappingTarget t = defaultTarget(m_facts, m_object, property);
        t.valueMap = old.valueMap;
        targets[target] = t;
    }
    edit(m, tr("Write %1 into %2").arg(fieldLabel(m.rows.at(row).fieldKey), property));
}

void MappingDocument::setStrategy(int row, int target, UpdateStrategy strategy) {
    if (row < 0 || row >= m_mapping.rows.size() || target < 0 ||
        target >= m_mapping.rows.at(row).targets.size())
        return;
    Mapping m = m_mapping;
    MappingTarget& t = m.rows[row].targets[target];
    t.strategy = strategy;
    if (strategy == UpdateStrategy::UpdateIfEmpty)
        t.clearWhenEmpty = false; // only Override can clear
    edit(m, tr("%1: %2").arg(t.property, updateStrategyLabel(strategy)));
}

void MappingDocument::setClearWhenEmpty(int row, int target, bool on) {
    if (row < 0 || row >= m_mapping.rows.size() || target < 0 ||
        target >= m_mapping.rows.at(row).targets.size())
        return;
    Mapping m = m_mapping;
    MappingTarget& t = m.rows[row].targets[target];
    t.clearWhenEmpty = on;
    edit(m, on ? tr("%1: clear when empty").arg(t.property) : tr("%1: keep when empty").arg(t.property));
}

void MappingDocument::setValueMap(int row, int target, const QMap<QString, QString>& valueMap) {
    if (row < 0 || row >= m_mapping.rows.size() || target < 0 ||
        target >= m_mapping.rows.at(row).targets.size())
        return;
    Mapping m = m_mapping;
    MappingTarget& t = m.rows[row].targets[target];
    t.valueMap = valueMap;
    edit(m, tr("%1: value map").arg(t.property));
}

} // namespace syncdesk
