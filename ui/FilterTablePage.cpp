#include "FilterTablePage.h"

#include "ui/ErrorText.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

FilterTablePage::FilterTablePage(const QString &name, QAbstractItemModel *model, const QString &emptyText,
                                 QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)),
      m_count(new QLabel(this)), m_error(new QLabel(this)), m_empty(new QLabel(emptyText, this)),
      m_view(new QTableView(this)), m_stack(new QStackedWidget(this))
{
    setObjectName(name + QStringLiteral("Page"));

    m_proxy->setSourceModel(model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    m_filter->setObjectName(name + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only rows that contain this text in any column"));

    m_count->setObjectName(name + QStringLiteral("Count"));

    m_error->setObjectName(name + QStringLiteral("Error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ErrorText::style(m_error);
    m_error->hide();

    m_empty->setObjectName(name + QStringLiteral("Empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    m_view->setObjectName(name + QStringLiteral("View"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);

    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &FilterTablePage::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &FilterTablePage::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &FilterTablePage::updateState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &FilterTablePage::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_view->resizeColumnsToContents(); });
    updateState();
}

void FilterTablePage::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString FilterTablePage::error() const
{
    return m_error->text();
}

bool FilterTablePage::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void FilterTablePage::updateState()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == total ? tr("%1 total").arg(total) : tr("%1 of %2 shown").arg(shown).arg(total));
    m_stack->setCurrentWidget(total == 0 ? static_cast<QWidget *>(m_empty) : m_view);
    m_filter->setEnabled(total > 0 || !m_filter->text().isEmpty());
}

}  // namespace Switchyard
