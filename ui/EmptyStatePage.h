#pragma once

#include <QWidget>

class QLabel;

namespace Switchyard {

/// A page that says what will appear on it, for sections that have no content yet.
class EmptyStatePage : public QWidget {
    Q_OBJECT

public:
    EmptyStatePage(const QString &title, const QString &explanation, QWidget *parent = nullptr);

    QString title() const;
    QString explanation() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_explanation = nullptr;
};

}  // namespace Switchyard
