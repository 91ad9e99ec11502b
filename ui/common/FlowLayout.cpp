#include "ui/common/FlowLayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace syncdesk {

FlowLayout::FlowLayout(QWidget* parent)
    : QLayout(parent) {}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const {
    return int(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < m_items.size() ? m_items.at(index) : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    if (index < 0 || index >= m_items.size())
        return nullptr;
    QLayoutItem* item = m_items.takeAt(index);
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const {
    for (QLayoutItem* item : m_items) {
        if (item->expandingDirections() & Qt::Horizontal)
            return Qt::Horizontal;
    }
    return {};
}

bool FlowLayout::hasHeightForWidth() const {
    return true;
}

int FlowLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const {
    QSize size;
    for (QLayoutItem* item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const {
    int width = 0;
    int height = 0;
    int visible = 0;
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        width += hint.width();
        height = std::max(height, hint.height());
        ++visible;
    }
    width += std::max(0, visible - 1) * horizontalGap();
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
    // Not every container asks for the height for a width (a dock does not): claim the lines
    // this width needs as the widget's minimum height, so that a second line is not cut off.
    if (QWidget* owner = parentWidget(); owner && owner->layout() == this) {
        const int needed = heightForWidth(rect.width());
        if (owner->minimumHeight() != needed)
            owner->setMinimumHeight(needed);
    }
}

int FlowLayout::horizontalGap() const {
    if (spacing() >= 0)
        return spacing();
    const QWidget* parent = parentWidget();
    const int gap =
        parent ? parent->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, parent) : -1;
    return gap >= 0 ? gap : 6;
}

int FlowLayout::verticalGap() const {
    if (spacing() >= 0)
        return spacing();
    const QWidget* parent = parentWidget();
    const int gap =
        parent ? parent->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, parent) : -1;
    return gap >= 0 ? gap : 6;
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gapX = horizontalGap();
    const int gapY = verticalGap();
    const int width = std::max(1, area.width());

    // Break the items into lines first, then size each line (its spare room to the expanding items).
    QList<QLayoutItem*> line;
    int lineWidth = 0;
    int y = area.y();
    const auto flush = [&] {
        if (line.isEmpty())
            return;
        int lineHeight = 0;
        int expanding = 0;
        for (QLayoutItem* item : std::as_const(line)) {
            lineHeight = std::max(lineHeight, item->sizeHint().height());
            expanding += (item->expandingDirections() & Qt::Horizontal) ? 1 : 0;
        }
        if (apply) {
            int spare = std::max(0, width - lineWidth);
            int x = area.x();
            for (QLayoutItem* item : std::as_const(line)) {
                int w = std::min(item->sizeHint().width(), width);
                if (expanding > 0 && (item->expandingDirections() & Qt::Horizontal)) {
                    const int extra = spare / expanding;
                    w += extra;
                    spare -= extra;
                    --expanding;
                }
                w = std::clamp(w, std::min(item->minimumSize().width(), width), item->maximumSize().width());
                const int h =
                    std::clamp(lineHeight, item->minimumSize().height(), item->maximumSize().height());
                item->setGeometry(
                    QStyle::visualRect(parentWidget() ? parentWidget()->layoutDirection() : Qt::LeftToRight,
                                       area, QRect(x, y + (lineHeight - h) / 2, w, h)));
                x += w + gapX;
            }
        }
        y += lineHeight + gapY;
        line.clear();
        lineWidth = 0;
    };
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty())
            continue;
        const int w = std::min(item->sizeHint().width(), width);
        if (!line.isEmpty() && lineWidth + gapX + w > width)
            flush();
        lineWidth += (line.isEmpty() ? 0 : gapX) + w;
        line.append(item);
    }
    flush();
    const int used = y == area.y() ? 0 : y - gapY - area.y();
    const QMargins m = contentsMargins();
    return used + m.top() + m.bottom();
}

} // namespace syncdesk
