#include "ui/companies/CompanyListView.h"

#include "ui/companies/CompanyListModel.h"

#include <QApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyledItemDelegate>

namespace syncdesk {

namespace {

// Draws the tick boxes itself, with a border in the text colour: the styles' own indicators all
// but vanish on dark palettes. Clicks are the view's business (see CompanyListView).
class TickBoxDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        if (index.column() != CompanyListModel::CheckColumn) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.features &= ~QStyleOptionViewItem::HasCheckIndicator;
        opt.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background, selection

        const QVariant state = index.data(Qt::CheckStateRole);
        if (!state.isValid())
            return; // row not loaded yet
        const bool checked = state.toInt() == Qt::Checked;
        const bool selected = option.state & QStyle::State_Selected;
        const QPalette& pal = option.palette;
        const qreal size = std::min<qreal>(option.rect.height() - 6, option.fontMetrics.height() * 0.9);
        QRectF box(0, 0, size, size);
        box.moveCenter(QRectF(option.rect).center());

        QColor border = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        border.setAlphaF(0.6);
        const QColor fill = checked ? pal.color(selected ? QPalette::HighlightedText : QPalette::Highlight)
                                    : pal.color(QPalette::Base);
        const QColor mark = pal.color(selected ? QPalette::Highlight : QPalette::HighlightedText);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(checked ? fill : border, std::max<qreal>(1.0, size / 14)));
        painter->setBrush(fill);
        painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), size / 6, size / 6);
        if (checked) {
            QPen pen(mark, std::max<qreal>(1.5, size / 7), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
            painter->setPen(pen);
            const QPointF points[] = {box.topLeft() + QPointF(size * 0.22, size * 0.52),
                                      box.topLeft() + QPointF(size * 0.42, size * 0.72),
                                      box.topLeft() + QPointF(size * 0.78, size * 0.30)};
            painter->drawPolyline(points, 3);
        }
        painter->restore();
    }

    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override {
        if (index.column() == CompanyListModel::CheckColumn)
            return false;
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }
};

} // namespace

CompanyListView::CompanyListView(QWidget* parent)
    : QTableView(parent) {
    setObjectName(QStringLiteral("companyList"));
    setAccessibleName(tr("Companies"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setCornerButtonEnabled(false);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: QHeaderView then keeps no per-row sizes, whatever the row count.
    verticalHeader()->setVisible(false);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultSectionSize(140);
    horizontalHeader()->setMinimumSectionSize(28);
    setItemDelegate(new TickBoxDelegate(this));
}

void CompanyListView::setCompanyModel(CompanyListModel* model) {
    m_model = model;
    setModel(model);
    auto setup = [this] {
        m_anchor = -1;
        if (!m_model || m_model->columnCount() == 0)
            return;
        QHeaderView* header = horizontalHeader();
        header->setSectionResizeMode(CompanyListModel::CheckColumn, QHeaderView::Fixed);
        header->resizeSection(CompanyListModel::CheckColumn, fontMetrics().height() + 16);
        const int name = m_model->columnOf(QStringLiteral("name"));
        if (name > 0)
            header->resizeSection(name, 240);
        const int sorted = m_model->columnOf(m_model->spec().sortField);
        header->setSortIndicator(sorted > 0 ? sorted : name, m_model->spec().order);
        setSortingEnabled(true);
    };
    // Columns come with the workspace: set them up again when a reset brings another set.
    connect(model, &QAbstractItemModel::modelReset, this,
            [this, setup, columns = model->columnCount()]() mutable {
                m_anchor = -1;
                if (m_model->columnCount() != columns) {
                    columns = m_model->columnCount();
                    setup();
                }
                emitCurrentCompany();
            });
    // The current row's company becomes known when its page arrives.
    connect(model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& tl, const QModelIndex& br) {
                const int row = currentIndex().row();
                if (m_currentCompany == 0 && row >= tl.row() && row <= br.row())
                    emitCurrentCompany();
            });
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CompanyListView::emitCurrentCompany);
    setup();
}

void CompanyListView::emitCurrentCompany() {
    const QModelIndex current = currentIndex();
    const qint64 id = current.isValid() && m_model ? m_model->companyId(current.row()) : 0;
    if (id != m_currentCompany) {
        m_currentCompany = id;
        emit currentCompanyChanged(id);
    }
}

void CompanyListView::toggleRow(int row) {
    if (!m_model || !m_model->isRowLoaded(row))
        return;
    const bool checked = !m_model->isChecked(row);
    m_model->setChecked(row, checked);
    m_anchor = row;
    m_anchorChecked = checked;
}

void CompanyListView::extendToRow(int row) {
    if (!m_model)
        return;
    if (m_anchor < 0 || m_anchor >= m_model->rowCount()) {
        toggleRow(row);
        return;
    }
    m_model->setRangeChecked(m_anchor, row, m_anchorChecked);
}

void CompanyListView::mousePressEvent(QMouseEvent* event) {
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index.isValid() && m_model) {
        const Qt::KeyboardModifiers mods = event->modifiers();
        if (mods & Qt::ShiftModifier) {
            extendToRow(index.row());
            setCurrentIndex(index);
            event->accept();
            return;
        }
        if ((mods & Qt::ControlModifier) || index.column() == CompanyListModel::CheckColumn) {
            toggleRow(index.row());
            setCurrentIndex(index);
            event->accept();
            return;
        }
    }
    QTableView::mousePressEvent(event);
}

void CompanyListView::mouseReleaseEvent(QMouseEvent* event) {
    // The default delegate would toggle the tick box a second time on release.
    const QModelIndex index = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && index.isValid() &&
        (index.column() == CompanyListModel::CheckColumn ||
         (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)))) {
        event->accept();
        return;
    }
    QTableView::mouseReleaseEvent(event);
}

void CompanyListView::mouseDoubleClickEvent(QMouseEvent* event) {
    const QModelIndex index = indexAt(event->position().toPoint());
    if (index.isValid() && index.column() == CompanyListModel::CheckColumn) {
        // A quick second click on the tick box is a second toggle, not a double click.
        toggleRow(index.row());
        event->accept();
        return;
    }
    QTableView::mouseDoubleClickEvent(event);
}

void CompanyListView::keyPressEvent(QKeyEvent* event) {
    const QModelIndex current = currentIndex();
    if (event->key() == Qt::Key_Space && current.isValid()) {
        if (event->modifiers() & Qt::ShiftModifier)
            extendToRow(current.row());
        else
            toggleRow(current.row());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

} // namespace syncdesk
