#include "PageScreenshots.h"

#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/bots/BotsPage.h"
#include "ui/providers/ProvidersPage.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTableView>

namespace Switchyard {

Result<QStringList> PageScreenshots::save(MainWindow &window, const QString &dir)
{
    if (!QDir().mkpath(dir)) {
        return Error::make(Error::Code::Io, QCoreApplication::translate("Switchyard::PageScreenshots",
                                                                        "Could not create the screenshot folder %1. "
                                                                        "Check that its parent folder is writable.")
                                                .arg(QDir::toNativeSeparators(dir)));
    }
    if (!window.isVisible())
        window.show();
    // Show an editor with content rather than its empty state: open the first bot.
    if (QTableView *bots = window.botsPage()->listPage()->view(); bots->model() && bots->model()->rowCount() > 0)
        bots->setCurrentIndex(bots->model()->index(0, 0));
    // And the offline simulator on the Providers page: the one provider that answers without a key.
    window.providersPage()->selectProvider(QStringLiteral("simulator"));

    const MainWindow::Page before = window.currentPage();
    const NavigationModel *navigation = window.navigationModel();
    QStringList written;
    for (int row = 0; row < navigation->rowCount(); ++row) {
        const MainWindow::Page page = navigation->pageAt(row);
        window.showPage(page);
        // Let layouts and the paint of the newly shown page settle before grabbing.
        QCoreApplication::processEvents();
        const QString path = QDir(dir).filePath(NavigationModel::pageId(page) + QStringLiteral(".png"));
        if (!window.grab().save(path, "PNG")) {
            window.showPage(before);
            return Error::make(Error::Code::Io,
                               QCoreApplication::translate("Switchyard::PageScreenshots",
                                                           "Could not write the screenshot %1. Check that the folder "
                                                           "is writable and the disk is not full.")
                                   .arg(QDir::toNativeSeparators(path)));
        }
        written.append(path);
    }
    window.showPage(before);
    return written;
}

}  // namespace Switchyard
