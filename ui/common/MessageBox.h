#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>

namespace syncdesk {

// Every message box of the desktop goes through here (after KeePassXC's gui/MessageBox), so that
// tests can answer them before they appear: nothing modal ever waits for a person in a test.
//
//   if (MessageBox::question(this, tr("Remove connection"), text, QMessageBox::Yes | QMessageBox::No,
//                            QMessageBox::No) != QMessageBox::Yes) return;
//
// Tests: MessageBox::setTestMode(true); MessageBox::queueAnswer(QMessageBox::Yes); ... then
// MessageBox::history() says what was asked and answered. In test mode a box with no queued
// answer is answered with its default button (and recorded with `unanswered` set) instead of
// blocking.
class MessageBox {
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    struct Shown {
        QMessageBox::Icon icon = QMessageBox::NoIcon;
        QString title;
        QString text;
        Button answer = QMessageBox::NoButton;
        bool unanswered = false; // test mode, no queued answer: the default button was taken
    };

    static Button question(QWidget* parent, const QString& title, const QString& text,
                           Buttons buttons = QMessageBox::Yes | QMessageBox::No,
                           Button defaultButton = QMessageBox::No);
    static Button warning(QWidget* parent, const QString& title, const QString& text,
                          Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::Ok);
    static Button critical(QWidget* parent, const QString& title, const QString& text,
                           Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::Ok);
    static Button information(QWidget* parent, const QString& title, const QString& text,
                              Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::Ok);

    // ---- For tests --------------------------------------------------------------------------
    static void setTestMode(bool on);
    static bool testMode();
    // Answers of the next boxes, in order.
    static void queueAnswer(Button answer);
    static QList<Shown> history();
    static void clearHistory(); // also drops queued answers

private:
    static Button show(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text,
                       Buttons buttons, Button defaultButton);
};

} // namespace syncdesk
