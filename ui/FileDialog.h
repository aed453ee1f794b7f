#pragma once

#include <QString>

class QWidget;

namespace Switchyard {

/// The one place the studio asks for file names, so GUI tests can answer instead of a modal native dialog.
class FileDialog {
public:
    static FileDialog &instance();

    /// Shows an open-file dialog, or returns the name a test set with setNextFileName() without showing anything.
    QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);

    /// Test seam: the next getOpenFileName() returns @p fileName (may be empty, meaning "cancelled").
    void setNextFileName(const QString &fileName);

private:
    FileDialog() = default;

    QString m_nextFileName;
    bool m_hasNextFileName = false;
};

}  // namespace Switchyard
