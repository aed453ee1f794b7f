#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

#ifndef SWITCHYARD_VERSION
#error "SWITCHYARD_VERSION must be defined by the build (ui/CMakeLists.txt)"
#endif

namespace Switchyard {

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Switchyard"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(QIcon(QStringLiteral(":/icons/switchyard.svg")).pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(QStringLiteral("Switchyard"), this);
    name->setObjectName(QStringLiteral("aboutName"));
    QFont font = name->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    name->setFont(font);

    auto *versionLabel = new QLabel(tr("Version %1").arg(version()), this);
    versionLabel->setObjectName(QStringLiteral("aboutVersion"));
    versionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *description = new QLabel(tr("A desktop studio for teams that run LLM-powered products: prompts, "
                                      "provider configurations, fallbacks and costs in one place."),
                                   this);
    description->setObjectName(QStringLiteral("aboutDescription"));
    description->setWordWrap(true);

    auto *qt = new QLabel(
        tr("Built with Qt %1, running on Qt %2.").arg(QLatin1String(QT_VERSION_STR), QLatin1String(qVersion())), this);
    qt->setObjectName(QStringLiteral("aboutQt"));

    auto *license = new QLabel(tr("Distributed under the MIT License."), this);
    license->setObjectName(QStringLiteral("aboutLicense"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(versionLabel);
    text->addSpacing(8);
    text->addWidget(description);
    text->addSpacing(8);
    text->addWidget(qt);
    text->addWidget(license);
    text->addStretch(1);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::version()
{
    return QStringLiteral(SWITCHYARD_VERSION);
}

}  // namespace Switchyard
