#include "PromptSectionsModel.h"

namespace Switchyard {

PromptSectionsModel::PromptSectionsModel(QObject *parent) : QAbstractListModel(parent) {}

void PromptSectionsModel::setSections(const QList<PromptSection> &sections)
{
    const bool sameTitles =
        sections.size() == m_sections.size() &&
        std::equal(sections.cbegin(), sections.cend(), m_sections.cbegin(),
                   [](const PromptSection &a, const PromptSection &b) { return a.title == b.title; });
    if (sameTitles) {
        if (sections == m_sections)
            return;
        m_sections = sections;
        Q_EMIT dataChanged(index(0, 0), index(int(m_sections.size()) - 1, 0), {Qt::ToolTipRole, TextRole});
        return;
    }
    beginResetModel();
    m_sections = sections;
    endResetModel();
}

int PromptSectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sections.size());
}

QVariant PromptSectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PromptSection &section = m_sections.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return section.title;
    case Qt::ToolTipRole: {
        const QString text = section.text.trimmed();
        return text.size() > 200 ? text.left(200) + QStringLiteral("…") : text;
    }
    case TextRole:
        return section.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> PromptSectionsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TextRole, "text");
    return names;
}

}  // namespace Switchyard
