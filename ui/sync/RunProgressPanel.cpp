#include "ui/sync/RunProgressPanel.h"

#include "ui/sync/SyncController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace syncdesk {

RunProgressPanel::RunProgressPanel(SyncController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller) {
    setObjectName(QStringLiteral("runProgressPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("runProgressBar"));
    m_bar->setAccessibleName(tr("Run progress"));
    m_bar->setRange(0, 0);
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("runCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the run"));
    m_cancel->setToolTip(tr("Stop after the request in flight. A cancelled run can be resumed from Runs."));
    row->addWidget(m_bar, 1);
    row->addWidget(m_cancel);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("runProgressLabel"));
    m_label->setWordWrap(true);
    layout->addLayout(row);
    layout->addWidget(m_label);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_controller.cancel();
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling after the request in flight…"));
    });
    connect(&m_controller, &SyncController::progress, this, &RunProgressPanel::onProgress);
    connect(&m_controller, &SyncController::busyChanged, this,
            [this](bool busy) { m_cancel->setEnabled(busy); });
}

void RunProgressPanel::track(int ticket) {
    m_ticket = ticket;
    m_last = RunProgress{};
    m_bar->setRange(0, 0);
    m_bar->setValue(0);
    m_cancel->setEnabled(m_controller.isBusy());
    m_label->setText(tr("Starting…"));
}

void RunProgressPanel::onProgress(const RunProgress& p) {
    if (m_ticket != 0 && m_controller.currentTicket() != m_ticket)
        return;
    m_last = p;
    if (p.total > 0) {
        m_bar->setRange(0, p.total);
        m_bar->setValue(p.done);
    } else {
        m_bar->setRange(0, 0);
    }
    if (m_cancel->isEnabled() || !m_controller.isBusy())
        m_label->setText(describe(p));
}

QString RunProgressPanel::describe(const RunProgress& p) {
    const QLocale l;
    if (p.stage == u"plan")
        return tr("Looking up the records in the CRM… %n request(s) so far.", nullptr, p.calls);
    QString stage;
    if (p.stage == u"companies")
        stage = tr("Companies");
    else if (p.stage == u"contacts")
        stage = tr("Contacts");
    else if (p.stage == u"associations")
        stage = tr("Associations");
    else if (p.stage == u"recheck")
        stage = tr("Re-checking writes that may have happened");
    else if (p.stage == u"undo")
        stage = tr("Undoing");
    else
        stage = p.stage;
    return tr("%1: %2 of %3 records · %4 created · %5 updated · %6 failed · %n request(s)", nullptr, p.calls)
        .arg(stage, l.toString(p.done), l.toString(p.total), l.toString(p.created), l.toString(p.updated),
             l.toString(p.failed));
}

} // namespace syncdesk
