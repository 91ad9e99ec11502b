#include "ui/common/Icons.h"

#include "ui/common/Resources.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace syncdesk {

namespace {

std::optional<bool>& availabilityOverride() {
    static std::optional<bool> value;
    return value;
}

struct IconFile {
    const char* name;
    bool tinted; // drawn in the palette's text colour ("currentColor" in the file)
};

IconFile iconFile(Icons::Id id) {
    switch (id) {
    case Icons::Id::App:
        return {"syncdesk", false};
    case Icons::Id::Sync:
        return {"sync", true};
    case Icons::Id::Preview:
        return {"preview", true};
    case Icons::Id::Refresh:
        return {"refresh", true};
    case Icons::Id::Filter:
        return {"filter", true};
    case Icons::Id::Connections:
        return {"connections", true};
    case Icons::Id::Undo:
        return {"undo", true};
    case Icons::Id::Redo:
        return {"redo", true};
    case Icons::Id::Export:
        return {"export", true};
    case Icons::Id::LevelError:
        return {"level-error", false};
    case Icons::Id::LevelWarning:
        return {"level-warning", false};
    case Icons::Id::LevelInfo:
        return {"level-info", false};
    case Icons::Id::LevelDebug:
        return {"level-debug", false};
    }
    return {"syncdesk", false};
}

// Renders the SVG at the size asked for (device pixels), in the colour of the palette at that
// moment: a theme switch repaints toolbars and views, which ask again.
class SvgIconEngine : public QIconEngine {
public:
    SvgIconEngine(QByteArray svg, bool tinted)
        : m_svg(std::move(svg))
        , m_tinted(tinted) {}

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        QPixmap pm = render((QSizeF(rect.size()) * scale).toSize(), mode);
        if (pm.isNull())
            return;
        pm.setDevicePixelRatio(scale);
        painter->drawPixmap(rect, pm);
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }

    // `size` in device pixels: QIcon::pixmap() multiplies by the device pixel ratio itself and
    // then marks the pixmap with that ratio, so at 200 % the icon is drawn with twice the pixels.
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State) override { return render(size, mode); }

    QIconEngine* clone() const override { return new SvgIconEngine(m_svg, m_tinted); }
    QString key() const override { return QStringLiteral("syncdesk-svg"); }
    bool isNull() override { return m_svg.isEmpty() || !Icons::available(); }

private:
    QPixmap render(const QSize& pixels, QIcon::Mode mode) {
        if (pixels.isEmpty() || !Icons::available())
            return {};
        QColor colour;
        if (m_tinted) {
            const QPalette palette = QApplication::palette();
            colour = mode == QIcon::Disabled   ? palette.color(QPalette::Disabled, QPalette::ButtonText)
                     : mode == QIcon::Selected ? palette.color(QPalette::Active, QPalette::HighlightedText)
                                               : palette.color(QPalette::Active, QPalette::ButtonText);
        }
        const QString key = QStringLiteral("%1x%2:%3:%4")
                                .arg(pixels.width())
                                .arg(pixels.height())
                                .arg(int(mode))
                                .arg(colour.isValid() ? colour.rgba() : 0u);
        auto cached = m_cache.constFind(key);
        if (cached != m_cache.constEnd())
            return *cached;

        QByteArray svg = m_svg;
        if (m_tinted)
            svg.replace("currentColor", colour.name(QColor::HexRgb).toLatin1());
        QBuffer buffer(&svg);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(pixels);
        QImage image = reader.read();
        if (image.isNull())
            return {};
        if (!m_tinted && mode == QIcon::Disabled) {
            // Coloured icons fade when disabled.
            image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
            QPainter p(&image);
            p.setCompositionMode(QPainter::CompositionMode_DestinationIn);
            p.fillRect(image.rect(), QColor(0, 0, 0, 110));
        }
        QPixmap pm = QPixmap::fromImage(std::move(image));
        if (m_cache.size() > 64)
            m_cache.clear();
        m_cache.insert(key, pm);
        return pm;
    }

    QByteArray m_svg;
    bool m_tinted;
    QHash<QString, QPixmap> m_cache;
};

} // namespace

QString Icons::resourcePath(Id id) {
    return QStringLiteral(":/icons/") + QLatin1String(iconFile(id).name) + QStringLiteral(".svg");
}

bool Icons::available() {
    if (availabilityOverride())
        return *availabilityOverride();
    static const bool svg = QImageReader::supportedImageFormats().contains("svg");
    return svg;
}

void Icons::setAvailableForTest(std::optional<bool> available) {
    availabilityOverride() = available;
}

QIcon Icons::icon(Id id) {
    if (!available())
        return {};
    initUiResources();
    QFile file(resourcePath(id));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new SvgIconEngine(file.readAll(), iconFile(id).tinted));
}

} // namespace syncdesk
