#pragma once

#include "core/sync/RunTypes.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace syncdesk {

class SyncController;

// A progress bar with counts and a Cancel button for the controller's job in progress: the preview
// and undo dialogs and the runs view each show one.
class RunProgressPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunProgressPanel(SyncController& controller, QWidget* parent = nullptr);

    // Shows the progress of job `ticket` from now on (0: whatever job is running).
    void track(int ticket);
    const RunProgress& lastProgress() const { return m_last; }
    QProgressBar* bar() const { return m_bar; }
    QLabel* label() const { return m_label; }
    QPushButton* cancelButton() const { return m_cancel; }

    static QString describe(const RunProgress& progress);

private:
    void onProgress(const RunProgress& progress);

    SyncController& m_controller;
    int m_ticket = 0;
    RunProgress m_last;
    QProgressBar* m_bar = nullptr;
    QLabel* m_label = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace syncdesk
