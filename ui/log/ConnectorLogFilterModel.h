#pragma once

#include "ui/log/LogEntryFilter.h"

#include <QSortFilterProxyModel>

namespace syncdesk {

class ConnectorLogModel;

// The log panel's filter (level, run, text, record) over a ConnectorLogModel. Keeps arrival order.
class ConnectorLogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit ConnectorLogFilterModel(QObject* parent = nullptr);

    void setLogModel(ConnectorLogModel* model);
    ConnectorLogModel* logModel() const { return m_log; }

    const LogEntryFilter& filter() const { return m_filter; }
    void setFilter(const LogEntryFilter& filter);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    ConnectorLogModel* m_log = nullptr;
    LogEntryFilter m_filter;
};

} // namespace syncdesk
