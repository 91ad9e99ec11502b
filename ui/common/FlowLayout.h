#pragma once

#include <QLayout>
#include <QList>

namespace syncdesk {

// Lays its items out in lines, left to right, starting a new line when the next item does not fit
// the width: a filter bar that wraps on a narrow window (200 % scale) instead of widening it.
// Within a line, the room left over goes to the items that expand horizontally (line edits).
// Its height follows its width (heightForWidth, and the owning widget's minimum height once laid
// out); its minimum width is that of its widest item.
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    // Places the items in `rect` (when `apply`) and returns the height the lines take.
    int arrange(const QRect& rect, bool apply) const;
    int horizontalGap() const;
    int verticalGap() const;

    QList<QLayoutItem*> m_items;
};

} // namespace syncdesk
