#include "FileDialog.h"

#include <QFileDialog>
#include <utility>

namespace Switchyard {

FileDialog &FileDialog::instance()
{
    static FileDialog dialog;
    return dialog;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    if (m_hasNextFileName) {
        m_hasNextFileName = false;
        return std::exchange(m_nextFileName, QString());
    }
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

void FileDialog::setNextFileName(const QString &fileName)
{
    m_nextFileName = fileName;
    m_hasNextFileName = true;
}

}  // namespace Switchyard
