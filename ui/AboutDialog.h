#pragma once

#include <QDialog>

class QLabel;

namespace Switchyard {

/// Name, version, what Switchyard is for, the Qt it runs on and its license.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The version Switchyard was built as (the CMake project version).
    static QString version();
};

}  // namespace Switchyard
