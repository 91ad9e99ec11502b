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

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void updateMargins();
};

} // namespace syncdesk
