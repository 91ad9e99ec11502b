#pragma once

#include <QLabel>

namespace syncdesk {

// "Sandbox: nothing leaves this computer": shown while the active connection is a Sandbox CRM.
// A pill with fixed colours (white on green) that read well on light and dark palettes, sized
// from the font so it keeps its shape at any scale.
class SandboxBadge : public QLabel {
    Q_OBJECT

public:
    explicit SandboxBadge(QWidget* parent = nullptr);

    // The short text ("Sandbox: local only") for a narrow window, so that the badge stays in view
    // instead of going behind the toolbar's extension button. The accessible name and the tooltip
    // keep the whole sentence.
    void setCompact(bool compact);
    bool isCompact() const { return m_compact; }

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void updateMargins();

    bool m_compact = false;
};

} // namespace syncdesk
