#include "ui/sync/TableViews.h"

#include <QAbstractScrollArea>
#include <QHeaderView>
#include <QTableView>

namespace syncdesk {

QTableView* makeListTable(QWidget* parent, const QString& objectName, const QString& accessibleName) {
    auto* view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->setVisible(false);
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    // Room for the header and a row at least (not Qt's 70 px), so that the views of a page
    // fit a window of 800x436 logical pixels (1600x1000 at 200 %) beside the log dock.
    setCompactMinimumHeight(view, 2);
    return view;
}

void setCompactMinimumHeight(QAbstractScrollArea* view, int lines) {
    const int line = view->fontMetrics().height() + 8;
    view->setMinimumHeight(line * lines + 2 * view->frameWidth());
}

void setColumnChars(QTableView* view, std::initializer_list<std::pair<int, int>> columnChars) {
    const int charWidth = view->fontMetrics().averageCharWidth();
    for (const auto& [column, chars] : columnChars)
        view->setColumnWidth(column, chars * charWidth + 16);
}

} // namespace syncdesk
