#pragma once

#include <QLabel>

namespace syncdesk {

// A one-line label that shortens its text with "…" (in the middle, as for a file path) when it
// gets less room than the text needs, instead of widening the window; the whole text is its
// tooltip. Used for the workspace path in the status bar.
class ElidingLabel : public QLabel {
    Q_OBJECT

public:
    explicit ElidingLabel(QWidget* parent = nullptr);

    void setFullText(const QString& text);
    QString fullText() const { return m_text; }

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateShownText();

    QString m_text;
};

} // namespace syncdesk
