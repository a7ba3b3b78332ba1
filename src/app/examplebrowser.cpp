// SPDX-License-Identifier: MIT
#include "examplebrowser.h"

#include "examples/exampleregistry.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextLayout>

#include <cmath>

namespace ProcessLab {

namespace {

constexpr int exampleIdRole = Qt::UserRole;
constexpr int summaryRole = Qt::UserRole + 1;

// The height a line of this text really takes. QFontMetrics::height() is the primary
// font's; Chinese text is drawn with a CJK fallback font whose line is taller, and a rect
// of the primary font's height clipped what hangs below the baseline (the "_" of
// apply_async vanished in zh_CN).
int lineHeight(const QFont &font, const QString &text)
{
    QTextLayout layout(text.isEmpty() ? QStringLiteral(" ") : text, font);
    layout.beginLayout();
    const QTextLine line = layout.createLine();
    layout.endLayout();
    return std::max(QFontMetrics(font).height(), static_cast<int>(std::ceil(line.height())));
}

QFont titleFontFor(const QFont &font, bool enabled)
{
    QFont title = font;
    title.setBold(enabled);
    return title;
}

QFont summaryFontFor(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}

// Title on the first line, the one-line description below it in a quieter colour.
class ExampleDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const QString summary = index.data(summaryRole).toString();
        if (!summary.isEmpty()) {
            const bool enabled = index.flags().testFlag(Qt::ItemIsEnabled);
            const int title = lineHeight(titleFontFor(option.font, enabled), index.data(Qt::DisplayRole).toString());
            size.setHeight(title + 1 + lineHeight(summaryFontFor(option.font), summary) + option.fontMetrics.height() / 2 + 4);
        }
        return size;
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString summary = index.data(summaryRole).toString();
        if (summary.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect r = opt.rect.adjusted(4, 2, -4, -2);
        const bool selected = opt.state & QStyle::State_Selected;
        const bool enabled = opt.state & QStyle::State_Enabled;
        painter->save();
        const QFont titleFont = titleFontFor(opt.font, enabled);
        painter->setFont(titleFont);
        painter->setPen(opt.palette.color(enabled ? QPalette::Active : QPalette::Disabled,
                                          selected ? QPalette::HighlightedText : QPalette::Text));
        const QFontMetrics fm(titleFont);
        const QString shownTitle = fm.elidedText(title, Qt::ElideRight, r.width());
        const int titleHeight = lineHeight(titleFont, shownTitle);
        painter->drawText(QRect(r.left(), r.top(), r.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, shownTitle);
        const QFont small = summaryFontFor(opt.font);
        painter->setFont(small);
        painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                                 : opt.palette.color(QPalette::PlaceholderText));
        const QFontMetrics sfm(small);
        const QString shownSummary = sfm.elidedText(summary, Qt::ElideRight, r.width());
        painter->drawText(QRect(r.left(), r.top() + titleHeight + 1, r.width(), lineHeight(small, shownSummary)),
                          Qt::AlignLeft | Qt::AlignVCenter, shownSummary);
        painter->restore();
    }
};

} // namespace

bool isChineseUi()
{
    return QLocale().language() == QLocale::Chinese;
}

ExampleBrowser::ExampleBrowser(QWidget *parent)
    : QTreeWidget(parent)
{
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setIndentation(10);
    setItemDelegate(new ExampleDelegate(this));
    setUniformRowHeights(false);
    setTextElideMode(Qt::ElideRight);
    populate();
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, exampleIdRole).toString().isEmpty() && !item->isDisabled())
            emit exampleSelected(item->data(0, exampleIdRole).toString());
    });
}

void ExampleBrowser::populate()
{
    const QString current = currentExampleId();
    const bool chinese = isChineseUi();
    const QSignalBlocker blocker(this);
    clear();
    for (const ExampleGroup group : {ExampleGroup::Basics, ExampleGroup::Communication, ExampleGroup::Pool}) {
        auto *groupItem = new QTreeWidgetItem(this, {ExampleRegistry::groupTitle(group, chinese)});
        groupItem->setFlags(Qt::ItemIsEnabled);
        QFont f = font();
        f.setBold(true);
        groupItem->setFont(0, f);
        for (const ExampleDefinition &example : ExampleRegistry::all()) {
            if (example.group != group)
                continue;
            auto *item = new QTreeWidgetItem(groupItem, {chinese ? example.titleZh : example.titleEn});
            item->setData(0, exampleIdRole, example.id);
            item->setData(0, summaryRole, chinese ? example.summaryZh : example.summaryEn);
            item->setToolTip(0, QStringLiteral("%1 — %2").arg(example.id, chinese ? example.summaryZh : example.summaryEn));
        }
    }
    expandAll();
    if (!current.isEmpty())
        selectExample(current);
}

void ExampleBrowser::selectExample(const QString &id)
{
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->data(0, exampleIdRole).toString() == id && !(*it)->isDisabled()) {
            setCurrentItem(*it);
            return;
        }
    }
}

void ExampleBrowser::clearCurrent()
{
    const QSignalBlocker blocker(this);
    setCurrentItem(nullptr);
    clearSelection();
}

QString ExampleBrowser::currentExampleId() const
{
    return currentItem() ? currentItem()->data(0, exampleIdRole).toString() : QString();
}

void ExampleBrowser::changeEvent(QEvent *event)
{
    QTreeWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        populate();
}

} // namespace ProcessLab
