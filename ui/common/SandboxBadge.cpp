#include "ui/common/SandboxBadge.h"

#include <QEvent>
#include <QPainter>

namespace syncdesk {

namespace {

const QColor background(0x1f, 0x7a, 0x4d);

} // namespace

SandboxBadge::SandboxBadge(QWidget* parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("sandboxBadge"));
    setText(tr("Sandbox: nothing leaves this computer"));
    setAccessibleName(text());
    setToolTip(tr("The active connection is the Sandbox CRM, served by SyncDesk on 127.0.0.1. "
                  "Syncs write to it, never to a real CRM."));
    setAlignment(Qt::AlignCenter);
    QPalette p = palette();
    p.setColor(QPalette::WindowText, Qt::white);
    setPalette(p);
    QFont f = font();
    f.setBold(true);
    setFont(f);
    updateMargins();
}

void SandboxBadge::setCompact(bool compact) {
    if (compact == m_compact)
        return;
    m_compact = compact;
    setText(compact ? tr("Sandbox: local only") : tr("Sandbox: nothing leaves this computer"));
}

void SandboxBadge::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        updateMargins();
}

void SandboxBadge::updateMargins() {
    const int pad = fontMetrics().height() / 4;
    setContentsMargins(pad * 3, pad, pad * 3, pad);
}

void SandboxBadge::paintEvent(QPaintEvent* event) {
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(background);
        const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        const qreal radius = r.height() / 2;
        painter.drawRoundedRect(r, radius, radius);
    }
    QLabel::paintEvent(event);
}

} // namespace syncdesk
