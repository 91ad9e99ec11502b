#include "ui/common/FileDialog.h"

#include "ui/common/MessageBox.h"

#include <QFileDialog>

namespace syncdesk {

namespace {

QStringList& answers() {
    static QStringList queued;
    return queued;
}

bool takeAnswer(QString* path) {
    if (!answers().isEmpty()) {
        *path = answers().takeFirst();
        return true;
    }
    if (MessageBox::testMode()) {
        path->clear();
        return true;
    }
    return false;
}

} // namespace

QString FileDialog::openFile(QWidget* parent, const QString& title, const QString& filter,
                             const QString& directory) {
    QString path;
    if (takeAnswer(&path))
        return path;
    return QFileDialog::getOpenFileName(parent, title, directory, filter);
}

QString FileDialog::saveFile(QWidget* parent, const QString& title, const QString& filter,
                             const QString& directory) {
    QString path;
    if (takeAnswer(&path))
        return path;
    return QFileDialog::getSaveFileName(parent, title, directory, filter);
}

void FileDialog::queueAnswer(const QString& path) {
    answers().append(path);
}

void FileDialog::clearAnswers() {
    answers().clear();
}

} // namespace syncdesk
