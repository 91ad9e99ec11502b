#pragma once

#include <QString>
#include <QStringList>

class QWidget;

namespace syncdesk {

// File choosers of the desktop, answerable by tests like MessageBox: queue the paths the next
// dialogs return (an empty string: the person cancelled). In MessageBox::testMode() an unanswered
// dialog returns "" instead of blocking.
class FileDialog {
public:
    static QString openFile(QWidget* parent, const QString& title, const QString& filter,
                            const QString& directory = {});
    static QString saveFile(QWidget* parent, const QString& title, const QString& filter,
                            const QString& directory = {});

    static void queueAnswer(const QString& path);
    static void clearAnswers();
};

} // namespace syncdesk
