#include "PromptOutlinePanel.h"

#include "core/prompts/PromptSectionsEditor.h"
#include "ui/ErrorText.h"
#include "ui/prompts/PromptAnalysis.h"
#include "ui/prompts/PromptEditorDocument.h"
#include "ui/prompts/PromptSectionsModel.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Switchyard {

namespace {

QAction *outlineAction(const QString &text, const QString &objectName, const QKeySequence &shortcut,
                       const QString &statusTip, QWidget *owner)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setStatusTip(statusTip);
    action->setToolTip(PromptOutlinePanel::tr("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                             shortcut.toString(QKeySequence::NativeText)));
    owner->addAction(action);
    return action;
}

}  // namespace

std::optional<QString> PromptOutlinePanel::askText(QWidget *parent, const QString &title, const QString &label,
                                                   const QString &text)
{
    bool ok = false;
    const QString answer = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
    if (!ok)
        return std::nullopt;
    return answer;
}

PromptOutlinePanel::PromptOutlinePanel(QWidget *parent)
    : QWidget(parent), m_model(new PromptSectionsModel(this)), m_view(new QListView(this)), m_error(new QLabel(this)),
      m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("promptOutlinePanel"));
    m_question = &PromptOutlinePanel::askText;

    m_add = outlineAction(tr("&Add Section…"), QStringLiteral("addSectionAction"), QKeySequence(Qt::Key_Insert),
                          tr("Add a section after the selected one"), this);
    m_remove = outlineAction(tr("&Remove Section"), QStringLiteral("removeSectionAction"), QKeySequence(Qt::Key_Delete),
                             tr("Remove the selected section and its text"), this);
    m_rename = outlineAction(tr("Re&name Section…"), QStringLiteral("renameSectionAction"), QKeySequence(Qt::Key_F2),
                             tr("Change the selected section's title"), this);
    m_moveUp = outlineAction(tr("Move &Up"), QStringLiteral("moveSectionUpAction"), QKeySequence(Qt::ALT | Qt::Key_Up),
                             tr("Move the selected section up"), this);
    m_moveDown = outlineAction(tr("Move &Down"), QStringLiteral("moveSectionDownAction"),
                               QKeySequence(Qt::ALT | Qt::Key_Down), tr("Move the selected section down"), this);
    connect(m_add, &QAction::triggered, this, &PromptOutlinePanel::addSection);
    connect(m_remove, &QAction::triggered, this, &PromptOutlinePanel::removeSection);
    connect(m_rename, &QAction::triggered, this, &PromptOutlinePanel::renameSection);
    connect(m_moveUp, &QAction::triggered, this, &PromptOutlinePanel::moveSectionUp);
    connect(m_moveDown, &QAction::triggered, this, &PromptOutlinePanel::moveSectionDown);

    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(QStringLiteral("outlineToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *action : {m_add, m_remove, m_rename, m_moveUp, m_moveDown})
        toolbar->addAction(action);

    m_view->setObjectName(QStringLiteral("outlineView"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Sections"));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &PromptOutlinePanel::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PromptOutlinePanel::updateActions);
    connect(m_view, &QListView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT sectionActivated(index.data().toString()); });

    m_error->setObjectName(QStringLiteral("outlineError"));
    m_error->setWordWrap(true);
    ErrorText::style(m_error);
    m_error->hide();
    m_empty->setObjectName(QStringLiteral("outlineEmpty"));
    m_empty->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(toolbar);
    layout->addWidget(m_error);
    layout->addWidget(m_empty);
    layout->addWidget(m_view, 1);
    updateActions();
}

PromptOutlinePanel::~PromptOutlinePanel() = default;

void PromptOutlinePanel::setDocument(PromptEditorDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document)
        connect(document, &PromptEditorDocument::reset, this, &PromptOutlinePanel::refreshFromText);
    refreshFromText();
}

void PromptOutlinePanel::setTextQuestion(TextQuestion question)
{
    m_question = std::move(question);
}

void PromptOutlinePanel::showAnalysis(const PromptAnalysis &analysis)
{
    m_hasBlock = analysis.hasSectionsBlock;
    if (analysis.sectionsError.isEmpty())
        m_model->setSections(analysis.sections);
    showError(analysis.sectionsError);
    updateActions();
}

void PromptOutlinePanel::refreshFromText()
{
    const QString text = m_document && m_document->isOpen() ? m_document->text() : QString();
    m_hasBlock = PromptSectionsEditor::hasSectionsBlock(text);
    const auto sections = PromptSectionsEditor::sections(text);
    m_model->setSections(sections ? *sections : QList<PromptSection>());
    showError(sections ? QString() : sections.error().message);
    updateActions();
}

int PromptOutlinePanel::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void PromptOutlinePanel::setCurrentRow(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        m_view->setCurrentIndex(m_model->index(row, 0));
    updateActions();
}

QString PromptOutlinePanel::errorText() const
{
    return m_error->text();
}

void PromptOutlinePanel::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PromptOutlinePanel::apply(const Result<QString> &edited, const QString &commandText, int selectRow)
{
    if (!edited) {
        showError(edited.error().message);
        return;
    }
    m_document->replaceText(*edited, commandText);
    refreshFromText();
    setCurrentRow(selectRow);
}

void PromptOutlinePanel::addSection()
{
    if (!m_document || !m_document->isOpen() || m_document->isReadOnly())
        return;
    const auto title = m_question(this, tr("Add Section"), tr("Title of the new section:"), tr("New Section"));
    if (!title || title->trimmed().isEmpty())
        return;
    const int row = currentRow() < 0 ? m_model->rowCount() : currentRow() + 1;
    const PromptSection section{title->trimmed(), tr("Write this section's instructions here.") + QLatin1Char('\n')};
    apply(PromptSectionsEditor::addSection(m_document->text(), row, section), tr("Add section “%1”").arg(section.title),
          row);
}

void PromptOutlinePanel::removeSection()
{
    const int row = currentRow();
    if (!m_document || row < 0)
        return;
    const QString title = m_model->sections().at(row).title;
    apply(PromptSectionsEditor::removeSection(m_document->text(), row), tr("Remove section “%1”").arg(title),
          qMin(row, m_model->rowCount() - 2));
}

void PromptOutlinePanel::renameSection()
{
    const int row = currentRow();
    if (!m_document || row < 0)
        return;
    const QString old = m_model->sections().at(row).title;
    const auto title = m_question(this, tr("Rename Section"), tr("New title of “%1”:").arg(old), old);
    if (!title || title->trimmed().isEmpty() || title->trimmed() == old)
        return;
    apply(PromptSectionsEditor::renameSection(m_document->text(), row, title->trimmed()),
          tr("Rename section “%1” to “%2”").arg(old, title->trimmed()), row);
}

void PromptOutlinePanel::moveSectionUp()
{
    moveSection(-1);
}

void PromptOutlinePanel::moveSectionDown()
{
    moveSection(1);
}

void PromptOutlinePanel::moveSection(int delta)
{
    const int row = currentRow();
    if (!m_document || row < 0 || row + delta < 0 || row + delta >= m_model->rowCount())
        return;
    const QString title = m_model->sections().at(row).title;
    const QString text = delta < 0 ? tr("Move section “%1” up").arg(title) : tr("Move section “%1” down").arg(title);
    apply(PromptSectionsEditor::moveSection(m_document->text(), row, row + delta), text, row + delta);
}

void PromptOutlinePanel::updateActions()
{
    const bool editable = m_document && m_document->isOpen() && !m_document->isReadOnly();
    const int row = currentRow();
    const int count = m_model->rowCount();
    m_add->setEnabled(editable);
    m_remove->setEnabled(editable && row >= 0);
    m_rename->setEnabled(editable && row >= 0);
    m_moveUp->setEnabled(editable && row > 0);
    m_moveDown->setEnabled(editable && row >= 0 && row + 1 < count);
    if (!m_document || !m_document->isOpen())
        m_empty->setText(tr("No prompt is open."));
    else if (count == 0 && !m_hasBlock)
        m_empty->setText(tr("This prompt has no sections. Add one to turn it into a structured prompt (a prompt "
                            "has either a system text or sections)."));
    else if (count == 0)
        m_empty->setText(tr("No sections yet: add one."));
    else
        m_empty->clear();
    m_empty->setVisible(!m_empty->text().isEmpty());
}

}  // namespace Switchyard
