#pragma once

#include <QWidget>

class QModelIndex;

namespace Switchyard {

class FilterTablePage;
class ProviderDetailPanel;
class ProvidersTableModel;

/// The Providers section: the workspace's providers on the left (the FilterTablePage "providers": providersView,
/// providersFilter, ...), the selected provider's ProviderDetailPanel on the right. Ctrl+T tests the selected
/// provider's connection while the page has focus.
class ProvidersPage : public QWidget {
    Q_OBJECT

public:
    /// @p model stays owned by the caller, who fills it.
    explicit ProvidersPage(ProvidersTableModel *model, QWidget *parent = nullptr);

    FilterTablePage *listPage() const { return m_listPage; }
    ProviderDetailPanel *detailPanel() const { return m_panel; }

    /// Selects the provider @p providerId in the list (and shows it in the panel); false when it is not listed.
    bool selectProvider(const QString &providerId);

private:
    void onCurrentChanged(const QModelIndex &current);
    void onModelReset();

    ProvidersTableModel *m_model = nullptr;
    FilterTablePage *m_listPage = nullptr;
    ProviderDetailPanel *m_panel = nullptr;
};

}  // namespace Switchyard
