#include "ui/common/MessageBox.h"

#include "ui/common/UiLogging.h"

namespace syncdesk {

namespace {

struct TestState {
    bool testMode = false;
    QList<MessageBox::Button> answers;
    QList<MessageBox::Shown> history;
};

TestState& state() {
    static TestState s;
    return s;
}

} // namespace

MessageBox::Button MessageBox::show(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                    const QString& text, Buttons buttons, Button defaultButton) {
    TestState& s = state();
    Shown shown{icon, title, text, QMessageBox::NoButton, false};
    if (!s.answers.isEmpty()) {
        shown.answer = s.answers.takeFirst();
    } else if (s.testMode) {
        shown.answer = defaultButton;
        shown.unanswered = true;
        qCWarning(lcUi).noquote() << "unanswered message box in test mode:" << title;
    } else {
        QMessageBox box(icon, title, text, buttons, parent);
        box.setObjectName(QStringLiteral("messageBox"));
        box.setDefaultButton(defaultButton);
        box.setTextFormat(Qt::PlainText);
        shown.answer = Button(box.exec());
    }
    if (s.testMode)
        s.history.append(shown);
    return shown.answer;
}

MessageBox::Button MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                        Buttons buttons, Button defaultButton) {
    return show(parent, QMessageBox::Question, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::warning(QWidget* parent, const QString& title, const QString& text,
                                       Buttons buttons, Button defaultButton) {
    return show(parent, QMessageBox::Warning, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::critical(QWidget* parent, const QString& title, const QString& text,
                                        Buttons buttons, Button defaultButton) {
    return show(parent, QMessageBox::Critical, title, text, buttons, defaultButton);
}

MessageBox::Button MessageBox::information(QWidget* parent, const QString& title, const QString& text,
                                           Buttons buttons, Button defaultButton) {
    return show(parent, QMessageBox::Information, title, text, buttons, defaultButton);
}

void MessageBox::setTestMode(bool on) {
    state().testMode = on;
}

bool MessageBox::testMode() {
    return state().testMode;
}

void MessageBox::queueAnswer(Button answer) {
    state().answers.append(answer);
}

QList<MessageBox::Shown> MessageBox::history() {
    return state().history;
}

void MessageBox::clearHistory() {
    state().history.clear();
    state().answers.clear();
}

} // namespace syncdesk
