#pragma once

#include <QTableView>

namespace syncdesk {

class CompanyListModel;

// The company table. Rows have a fixed height (no per-row measuring on 1,000,000 rows) and the
// header sorts through the model. Ticking works like selecting in a file list:
//  - click in the tick column, or Space: tick/untick the row (it becomes the anchor);
//  - Ctrl+click on any column: tick/untick that row;
//  - Shift+click, or Shift+Space: give the rows from the anchor to that row the anchor's state.
// The current row (plain click, arrow keys) is the company whose contacts are shown.
class CompanyListView : public QTableView {
    Q_OBJECT

public:
    explicit CompanyListView(QWidget* parent = nullptr);

    void setCompanyModel(CompanyListModel* model);
    CompanyListModel* companyModel() const { return m_model; }

    int anchorRow() const { return m_anchor; }

    // Ticks rows like a click would (for tests and keyboard handling).
    void toggleRow(int row);
    void extendToRow(int row);

signals:
    // The current company changed (0: none or not loaded yet).
    void currentCompanyChanged(qint64 companyId);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void emitCurrentCompany();

    CompanyListModel* m_model = nullptr;
    int m_anchor = -1;
    bool m_anchorChecked = true;
    qint64 m_currentCompany = -1;
};

} // namespace syncdesk
