#include "ui/common/ElidingLabel.h"

#include <QFontMetrics>

namespace syncdesk {

ElidingLabel::ElidingLabel(QWidget* parent)
    : QLabel(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

void ElidingLabel::setFullText(const QString& text) {
    m_text = text;
    setToolTip(text);
    updateShownText();
    updateGeometry();
}

QSize ElidingLabel::minimumSizeHint() const {
    const QSize hint = QLabel::minimumSizeHint();
    return QSize(std::min(hint.width(), fontMetrics().averageCharWidth() * 12), hint.height());
}

QSize ElidingLabel::sizeHint() const {
    const QMargins m = contentsMargins();
    return QSize(fontMetrics().horizontalAdvance(m_text) + m.left() + m.right() + 2 * margin(),
                 QLabel::sizeHint().height());
}

void ElidingLabel::resizeEvent(QResizeEvent* event) {
    QLabel::resizeEvent(event);
    updateShownText();
}

void ElidingLabel::updateShownText() {
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().elidedText(m_text, Qt::ElideMiddle, std::max(0, room));
    if (shown != text())
        QLabel::setText(shown);
}

} // namespace syncdesk
