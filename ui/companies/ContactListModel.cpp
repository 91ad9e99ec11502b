#include "ui/companies/ContactListModel.h"

#include "core/store/ContactStore.h"
#include "core/store/FieldStore.h"
#include "ui/common/AppContext.h"
#include "ui/common/UiLogging.h"

namespace syncdesk {

ContactListModel::ContactListModel(AppContext& context, QObject* parent)
    : QAbstractTableModel(parent)
    , m_context(context) {
    connect(&m_context, &AppContext::workspaceAboutToClose, this, [this] {
        beginResetModel();
        m_companyId = 0;
        m_contacts.clear();
        m_fields.clear();
        endResetModel();
    });
    connect(&m_context, &AppContext::workspaceChanged, this, &ContactListModel::reload);
    connect(&m_context, &AppContext::companiesChanged, this, &ContactListModel::reload);
    reload();
}

void ContactListModel::loadFields() {
    m_fields.clear();
    if (Workspace* ws = m_context.workspace()) {
        FieldStore fields(*ws);
        m_fields = fields.list(RecordObject::Contact);
        if (m_fields.isEmpty() && !fields.lastError().isEmpty())
            qCWarning(lcUi).noquote() << "contact fields:" << fields.lastError();
    }
}

void ContactListModel::setCompany(qint64 companyId) {
    if (companyId == m_companyId)
        return;
    m_companyId = companyId;
    reload();
}

void ContactListModel::reload() {
    beginResetModel();
    loadFields();
    m_contacts.clear();
    m_error.clear();
    if (Workspace* ws = m_context.workspace(); ws && m_companyId > 0) {
        ContactStore store(*ws);
        m_contacts = store.listByCompany(m_companyId);
        m_error = store.lastError();
    }
    endResetModel();
}

int ContactListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_contacts.size());
}

int ContactListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_fields.size());
}

QVariant ContactListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_contacts.size() || index.column() >= m_fields.size())
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::AccessibleTextRole)
        return m_contacts.at(index.row()).value(m_fields.at(index.column()).key);
    return {};
}

QVariant ContactListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && section >= 0 && section < m_fields.size() &&
        (role == Qt::DisplayRole || role == Qt::AccessibleTextRole))
        return m_fields.at(section).label;
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace syncdesk
