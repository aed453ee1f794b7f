#pragma once

#include "core/prompts/PromptDocument.h"

#include <QAbstractListModel>
#include <QList>

namespace Switchyard {

/// The outline of a structured prompt: one row per section, titled, with the start of its text as the tooltip.
class PromptSectionsModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        TextRole = Qt::UserRole + 1,  ///< the section's full template text
    };

    explicit PromptSectionsModel(QObject *parent = nullptr);

    /// Replaces the sections. Same titles in the same order only update the texts (dataChanged), so the view keeps
    /// its selection while the user types inside a section.
    void setSections(const QList<PromptSection> &sections);
    const QList<PromptSection> &sections() const { return m_sections; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QList<PromptSection> m_sections;
};

}  // namespace Switchyard
