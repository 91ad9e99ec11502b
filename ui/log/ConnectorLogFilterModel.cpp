#include "ui/log/ConnectorLogFilterModel.h"

#include "ui/log/ConnectorLogModel.h"

namespace syncdesk {

ConnectorLogFilterModel::ConnectorLogFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent) {}

void ConnectorLogFilterModel::setLogModel(ConnectorLogModel* model) {
    m_log = model;
    setSourceModel(model);
}

void ConnectorLogFilterModel::setFilter(const LogEntryFilter& filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool ConnectorLogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (sourceParent.isValid() || !m_log)
        return false;
    return m_filter.accepts(m_log->entry(sourceRow));
}

} // namespace syncdesk
