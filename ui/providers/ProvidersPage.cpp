#include "ProvidersPage.h"

#include "ui/FilterTablePage.h"
#include "ui/ProvidersTableModel.h"
#include "ui/providers/ProviderDetailPanel.h"

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

ProvidersPage::ProvidersPage(ProvidersTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_panel(new ProviderDetailPanel(this))
{
    m_listPage = new FilterTablePage(QStringLiteral("providers"), model,
                                     tr("This workspace has no providers yet.\nProviders appear here once a "
                                        "providers.yaml file is imported."),
                                     this);
    m_listPage->filterEdit()->setPlaceholderText(tr("Filter providers by id, kind, endpoint or model"));
    m_listPage->view()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listPage->view()->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("providersSplitter"));
    splitter->addWidget(m_listPage);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    auto *testShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_T), this);
    testShortcut->setObjectName(QStringLiteral("testConnectionShortcut"));
    testShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(testShortcut, &QShortcut::activated, m_panel, &ProviderDetailPanel::testConnection);

    connect(m_listPage->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ProvidersPage::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProvidersPage::onModelReset);
}

bool ProvidersPage::selectProvider(const QString &providerId)
{
    const QList<ProviderSpec> &providers = m_model->providers();
    for (int row = 0; row < providers.size(); ++row) {
        if (providers.at(row).id != providerId)
            continue;
        const QModelIndex index = m_listPage->proxyModel()->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            return false;
        m_listPage->view()->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                         QItemSelectionModel::Rows);
        return true;
    }
    return false;
}

void ProvidersPage::onCurrentChanged(const QModelIndex &current)
{
    const QModelIndex source = m_listPage->proxyModel()->mapToSource(current);
    if (!source.isValid() || source.row() >= m_model->providers().size()) {
        m_panel->setProvider(std::nullopt);
        return;
    }
    m_panel->setProvider(m_model->providers().at(source.row()));
}

void ProvidersPage::onModelReset()
{
    // The rows were replaced: the panel must not keep showing (or testing) a provider that may be gone or changed.
    m_panel->setProvider(std::nullopt);
}

}  // namespace Switchyard
