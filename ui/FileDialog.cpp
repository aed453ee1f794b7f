#include "FileDialog.h"

#include <utility>

namespace Switchyard {

FileDialog &FileDialog::instance()
{
    static FileDialog dialog;
    return dialog;
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    if (QString fileName; takeNextFileName(fileName))
        return fileName;
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter,
                                    QFileDialog::Options options)
{
    if (QString fileName; takeNextFileName(fileName))
        return fileName;
    return QFileDialog::getSaveFileName(parent, caption, dir, filter, nullptr, options);
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir)
{
    if (QString fileName; takeNextFileName(fileName))
        return fileName;
    return QFileDialog::getExistingDirectory(parent, caption, dir);
}

bool FileDialog::takeNextFileName(QString &fileName)
{
    if (!m_hasNextFileName)
        return false;
    m_hasNextFileName = false;
    fileName = std::exchange(m_nextFileName, QString());
    return true;
}

void FileDialog::setNextFileName(const QString &fileName)
{
    m_nextFileName = fileName;
    m_hasNextFileName = true;
}

}  // namespace Switchyard
