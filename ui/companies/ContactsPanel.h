#pragma once

#include "core/query/CompanyQuery.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;
class QTableView;

namespace syncdesk {

class AppContext;
class ContactListModel;

// Beside the company list: the current company (name, website, domain key) and its contacts.
class ContactsPanel : public QWidget {
    Q_OBJECT

public:
    explicit ContactsPanel(AppContext& context, QWidget* parent = nullptr);

    // nullopt: no company is current.
    void setCompany(const std::optional<CompanyRow>& company);

    ContactListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

private:
    void updateState();

    ContactListModel* m_model = nullptr;
    std::optional<CompanyRow> m_company;
    QLabel* m_title = nullptr;
    QLabel* m_details = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_empty = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace syncdesk
