#include "ui/common/Theme.h"

#include <QApplication>
#include <QEvent>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace syncdesk {

namespace {

struct Original {
    bool saved = false;
    QString style;
    QPalette palette;
};

Original& original() {
    static Original o;
    return o;
}

QString& currentName() {
    static QString name = QStringLiteral("system");
    return name;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor disabled(0x8a, 0x8d, 0x91);
    const QColor highlight(0x3d, 0x7f, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9d, 0xa1));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x47, 0x4b));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x27, 0x2a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x52, 0x56));
    return p;
}

} // namespace

void Theme::apply(const QString& name) {
    Original& o = original();
    if (!o.saved) {
        o.saved = true;
        o.style = QApplication::style()->name();
        o.palette = QApplication::palette();
    }
    if (name == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        currentName() = name;
    } else if (name == QLatin1String("light")) {
        QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        QApplication::setStyle(fusion);
        QPalette light = fusion->standardPalette();
        // Fusion's placeholder grey (half-transparent text) is too faint for the hints and
        // secondary labels that use it.
        light.setColor(QPalette::PlaceholderText, QColor(0x62, 0x66, 0x6b));
        QApplication::setPalette(light);
        currentName() = name;
    } else {
        QApplication::setStyle(QStyleFactory::create(o.style));
        QApplication::setPalette(o.palette);
        currentName() = QStringLiteral("system");
    }
}

QString Theme::current() {
    return currentName();
}

bool Theme::isDark() {
    return isDark(QApplication::palette());
}

bool Theme::isDark(const QPalette& p) {
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

QColor Theme::tone(Tone tone) {
    return Theme::tone(tone, QApplication::palette());
}

QColor Theme::tone(Tone tone, const QPalette& palette) {
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Error:
        return QColor(QRgb(dark ? 0xff6b6b : 0xb71c1c));
    case Tone::Warning:
        return QColor(QRgb(dark ? 0xffb74d : 0x955500));
    case Tone::Success:
        return QColor(QRgb(dark ? 0x81c784 : 0x276f2b));
    case Tone::Info:
        return QColor(QRgb(dark ? 0x7ab8f5 : 0x1565c0));
    case Tone::Muted:
        return QColor(QRgb(dark ? 0xa0a4a9 : 0x5f6368));
    }
    return palette.color(QPalette::Text);
}

namespace {

// Re-applies a tone to a widget's WindowText whenever its palette changes (theme switches).
class ToneKeeper : public QObject {
public:
    ToneKeeper(QWidget* widget, Theme::Tone tone)
        : QObject(widget)
        , m_tone(tone) {
        widget->installEventFilter(this);
        update(widget);
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
            update(static_cast<QWidget*>(watched));
        return false;
    }

private:
    void update(QWidget* widget) {
        const QColor wanted = Theme::tone(m_tone, QApplication::palette());
        if (widget->palette().color(QPalette::WindowText) == wanted)
            return;
        QPalette p = widget->palette();
        p.setColor(QPalette::WindowText, wanted);
        widget->setPalette(p);
    }

    Theme::Tone m_tone;
};

} // namespace

void Theme::keepTone(QWidget* widget, Tone tone) {
    new ToneKeeper(widget, tone);
}

double Theme::contrastRatio(const QColor& a, const QColor& b) {
    const auto luminance = [](const QColor& c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace syncdesk
