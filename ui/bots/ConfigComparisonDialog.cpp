#include "ui/bots/ConfigComparisonDialog.h"

#include "ui/bots/ConfigComparisonModel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

ConfigComparisonDialog::ConfigComparisonDialog(ConfigComparisonModel *model, QWidget *parent)
    : QDialog(parent), m_model(model)
{
    setObjectName(QStringLiteral("configComparisonDialog"));
    setWindowTitle(tr("Compare LLM Configs"));
    m_model->setParent(this);

    const int differences = m_model->differenceCount();
    m_summary = new QLabel(differences == 0 ? tr("The two configs are the same in every setting.")
                                            : tr("Settings that differ: %1 (highlighted).").arg(differences),
                           this);
    m_summary->setObjectName(QStringLiteral("comparisonSummary"));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("comparisonView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(720, 460);
}

QString ConfigComparisonDialog::summaryText() const
{
    return m_summary->text();
}

}  // namespace Switchyard
