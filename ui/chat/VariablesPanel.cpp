#include "ui/chat/VariablesPanel.h"

#include "core/prompts/PromptDocumentParser.h"
#include "core/templating/SystemVariables.h"
#include "core/templating/Template.h"

#include <QHeaderView>
#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

QTableView *tableFor(QStandardItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

}  // namespace

VariablesPanel::VariablesPanel(QWidget *parent)
    : QWidget(parent), m_prompt(new QStandardItemModel(0, 2, this)), m_system(new QStandardItemModel(0, 2, this)),
      m_source(new QLabel(this))
{
    m_prompt->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_system->setHorizontalHeaderLabels({tr("System variable"), tr("Current value")});
    m_source->setObjectName(QStringLiteral("variablesSource"));
    m_source->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(tableFor(m_prompt, QStringLiteral("promptVariablesView"), this), 2);
    auto *systemTitle = new QLabel(tr("System variables (filled in at each send)"), this);
    layout->addWidget(systemTitle);
    layout->addWidget(tableFor(m_system, QStringLiteral("systemVariablesView"), this), 1);
}

void VariablesPanel::setPrompt(const std::optional<PromptVersion> &version)
{
    const QJsonObject kept = values();
    m_prompt->removeRows(0, m_prompt->rowCount());
    if (!version) {
        m_source->setText(tr("This config has no prompt: the message is sent without a system instruction."));
        return;
    }
    m_source->setText(tr("Prompt %1 version %2").arg(version->key).arg(version->version));
    auto parsed = PromptDocumentParser::parse(version->body.toUtf8(), version->key);
    if (!parsed) {
        m_source->setText(parsed.error().toString());
        return;
    }
    const PromptDocument &document = parsed->doc;
    QStringList names;
    QHash<QString, QString> descriptions;
    for (const PromptVariable &variable : document.variables) {
        names.append(variable.name);
        descriptions.insert(variable.name, variable.description);
    }
    // Names the templates use without declaring them need a value just the same.
    QStringList templates{document.system, document.user};
    for (const PromptSection &section : document.sections)
        templates.append(section.text);
    for (const QString &text : std::as_const(templates)) {
        const auto uses = Templating::Template::discover(text);
        if (!uses)
            continue;  // the linter reports broken templates; here they just add no names
        for (const Templating::VariableUse &use : *uses) {
            if (use.kind == Templating::VariableKind::System || use.kind == Templating::VariableKind::Partial ||
                names.contains(use.name))
                continue;
            names.append(use.name);
        }
    }
    // ChatService fills these from the message itself.
    names.removeAll(QStringLiteral("message"));
    for (const QString &name : std::as_const(names)) {
        auto *nameItem = new QStandardItem(name);
        nameItem->setEditable(false);
        nameItem->setToolTip(descriptions.value(name));
        auto *valueItem = new QStandardItem(kept.value(name).toString());
        m_prompt->appendRow({nameItem, valueItem});
    }
}

void VariablesPanel::refreshSystem(const Templating::SystemVariables &system)
{
    const QJsonObject values = system.values();
    m_system->removeRows(0, m_system->rowCount());
    for (const Templating::SystemVariableInfo &info : Templating::SystemVariables::definitions()) {
        auto *nameItem = new QStandardItem(info.name);
        const QJsonValue value = values.value(info.name);
        auto *valueItem = new QStandardItem(value.isDouble() ? QString::number(value.toDouble()) : value.toString());
        nameItem->setEditable(false);
        valueItem->setEditable(false);
        m_system->appendRow({nameItem, valueItem});
    }
}

QJsonObject VariablesPanel::values() const
{
    QJsonObject values;
    for (int row = 0; row < m_prompt->rowCount(); ++row) {
        const QString value = m_prompt->item(row, 1)->text();
        if (!value.isEmpty())
            values.insert(m_prompt->item(row, 0)->text(), value);
    }
    return values;
}

bool VariablesPanel::setValue(const QString &name, const QString &value)
{
    const QList<QStandardItem *> found = m_prompt->findItems(name, Qt::MatchExactly, 0);
    if (found.isEmpty())
        return false;
    m_prompt->item(found.first()->row(), 1)->setText(value);
    return true;
}

}  // namespace Switchyard
