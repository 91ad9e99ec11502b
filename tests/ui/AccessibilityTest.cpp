// Every interactive widget of the main window (all pages, the toolbar, the log dock) and of every
// dialog has a name for assistive technology: an accessible name, a visible label whose buddy it is,
// or, for a button, its own text. The name a screen reader gets (QAccessible) is checked too.
#include "UiTestSupport.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTabBar>
#include <QTabWidget>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

bool isInteractive(QWidget* w) {
    if (qobject_cast<QScrollBar*>(w) || qobject_cast<QHeaderView*>(w))
        return false; // parts of a scroll area; headers name each section
    return qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) ||
           qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QAbstractSlider*>(w) ||
           qobject_cast<QAbstractScrollArea*>(w) || qobject_cast<QTabBar*>(w);
}

// Qt's own pieces: a line edit's clear button, a combo box's line edit, the toolbar's extension
// button, the dock's title buttons, a tab bar's scroll buttons.
bool isQtInternal(QWidget* w) {
    if (QByteArrayView(w->metaObject()->className()) == "QTableCornerButton")
        return true; // a table's select-all corner (hidden with the row header)
    for (QWidget* p = w; p; p = p->parentWidget()) {
        if (p->objectName().startsWith(QStringLiteral("qt_")) ||
            p->objectName().startsWith(QStringLiteral("_q_")))
            return true;
    }
    for (QWidget* p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<QLineEdit*>(p) || qobject_cast<QComboBox*>(p) ||
            qobject_cast<QAbstractSpinBox*>(p) || qobject_cast<QTabBar*>(p))
            return true;
    }
    return false;
}

QString describe(QWidget* w) {
    QString text = QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
    if (w->objectName().isEmpty() && w->parentWidget())
        text += QStringLiteral(" in ") + w->parentWidget()->objectName();
    return text;
}

// The controls under `root` (itself included) without a name.
QStringList unnamedControls(QWidget* root) {
    QSet<QWidget*> labelled;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (label->buddy() && !label->isHidden() && !label->text().trimmed().isEmpty())
            labelled.insert(label->buddy());
    }
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    QStringList missing;
    for (QWidget* w : std::as_const(widgets)) {
        if (!isInteractive(w) || isQtInternal(w))
            continue;
        bool named = !w->accessibleName().trimmed().isEmpty() || labelled.contains(w);
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            named = named || !QString(b->text()).remove(u'&').trimmed().isEmpty();
        if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            named = tabs->count() > 0;
            for (int i = 0; i < tabs->count(); ++i)
                named = named && !tabs->tabText(i).isEmpty();
        }
        QAccessibleInterface* ax = QAccessible::queryAccessibleInterface(w);
        const bool spoken = ax && !ax->text(QAccessible::Name).trimmed().isEmpty();
        if (!named)
            missing << describe(w);
        else if (!spoken && !qobject_cast<QTabBar*>(w))
            missing << describe(w) + QStringLiteral(" (no accessible name is spoken)");
    }
    return missing;
}

class AccessibilityTest : public UiTest {};

} // namespace

TEST_F(AccessibilityTest, EveryControlOfTheMainWindowIsNamed) {
    auto* tabs = find<QTabWidget>(QStringLiteral("mainTabs"));
    int checked = 0;
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        const QStringList missing = unnamedControls(window.get());
        EXPECT_TRUE(missing.isEmpty()) << "page " << str(tabs->widget(i)->objectName()) << ": "
                                       << str(missing.join(QStringLiteral(", ")));
        ++checked;
    }
    EXPECT_GE(checked, 3) << "companies, mapping and runs";
}

TEST_F(AccessibilityTest, EveryControlOfEveryDialogIsNamed) {
    QStringList dialogs;
    ASSERT_TRUE(tourDialogs([&](QWidget* dialog, const QString& name) {
        dialogs << name;
        const QStringList missing = unnamedControls(dialog);
        EXPECT_TRUE(missing.isEmpty()) << str(name) << ": " << str(missing.join(QStringLiteral(", ")));
    }));
    EXPECT_EQ(dialogs.size(), 8) << str(dialogs.join(QStringLiteral(", ")));
}

// The check itself: an unnamed line edit is found, a buddy label or an accessible name fixes it.
TEST_F(AccessibilityTest, TheCheckFindsAnUnnamedControl) {
    QWidget form;
    auto* edit = new QLineEdit(&form);
    edit->setObjectName(QStringLiteral("unnamedEdit"));
    EXPECT_EQ(unnamedControls(&form), QStringList{QStringLiteral("QLineEdit unnamedEdit")});
    auto* label = new QLabel(QStringLiteral("&Name:"), &form);
    label->setBuddy(edit);
    EXPECT_TRUE(unnamedControls(&form).isEmpty());
    label->hide();
    EXPECT_FALSE(unnamedControls(&form).isEmpty()) << "a hidden label names nothing";
    edit->setAccessibleName(QStringLiteral("Name"));
    EXPECT_TRUE(unnamedControls(&form).isEmpty());
}
