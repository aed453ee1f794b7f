#pragma once

#include <QFileDialog>
#include <QString>

class QWidget;

namespace Switchyard {

/// The one place the studio asks for file names, so GUI tests can answer instead of a modal native dialog.
class FileDialog {
public:
    static FileDialog &instance();

    /// Shows an open-file dialog, or returns the name a test set with setNextFileName() without showing anything.
    QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);

    /// Shows a save-file dialog (or returns the name a test set). @p options e.g. DontConfirmOverwrite when the
    /// caller refuses existing files itself.
    QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                            QFileDialog::Options options = {});

    /// Shows a choose-folder dialog (or returns the name a test set).
    QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir);

    /// Test seam: the next get*() call returns @p fileName (may be empty, meaning "cancelled").
    void setNextFileName(const QString &fileName);

private:
    /// True, with @p fileName set, when a test answered the next question.
    bool takeNextFileName(QString &fileName);

    FileDialog() = default;

    QString m_nextFileName;
    bool m_hasNextFileName = false;
};

}  // namespace Switchyard
