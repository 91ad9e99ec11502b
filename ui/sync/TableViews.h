#pragma once

#include <QString>

class QAbstractScrollArea;
class QTableView;
class QWidget;

namespace syncdesk {

// A read-only list table as the sync, runs and log views use them: whole-row single selection,
// no editing, no word wrap, compact fixed-height rows, the last column stretched.
QTableView* makeListTable(QWidget* parent, const QString& objectName, const QString& accessibleName);

// A minimum height of `lines` text lines (a table's header counts as one) instead of Qt's 70 px.
void setCompactMinimumHeight(QAbstractScrollArea* view, int lines);

// Sets the width of each column (by index) to the given number of average characters.
void setColumnChars(QTableView* view, std::initializer_list<std::pair<int, int>> columnChars);

} // namespace syncdesk
