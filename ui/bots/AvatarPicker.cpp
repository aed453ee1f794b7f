#include "AvatarPicker.h"

#include "ui/ErrorText.h"
#include "ui/FileDialog.h"

#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QSvgRenderer>
#include <QToolButton>
#include <QUrl>

namespace Switchyard {

namespace {

/// URLs are stored as they are for the bot's clients; the studio does not fetch them just for a preview.
bool isRemote(const QString &avatar)
{
    return avatar.startsWith(QLatin1String("http://")) || avatar.startsWith(QLatin1String("https://"));
}

QString initials(const QString &name)
{
    QString letters;
    const QStringList words = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        letters += word.at(0).toUpper();
        if (letters.size() == 2)
            break;
    }
    return letters.isEmpty() ? QStringLiteral("?") : letters;
}

}  // namespace

AvatarPicker::AvatarPicker(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_button(new QToolButton(this)), m_preview(new QLabel(this)),
      m_warning(new QLabel(this))
{
    setObjectName(QStringLiteral("avatarPicker"));
    m_edit->setObjectName(QStringLiteral("botAvatarEdit"));
    m_edit->setPlaceholderText(tr("A path or URL of an image"));

    m_button->setObjectName(QStringLiteral("botAvatarButton"));
    m_button->setText(tr("Choose…"));
    m_button->setToolTip(tr("Choose an image file (PNG, JPEG, SVG, WebP); the arrow offers built-in avatars"));
    m_button->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_button);
    menu->setObjectName(QStringLiteral("botAvatarMenu"));
    for (const BuiltIn &builtIn : builtInAvatars()) {
        QAction *action = menu->addAction(QIcon(builtIn.path), builtIn.name);
        action->setData(builtIn.path);
        connect(action, &QAction::triggered, this, [this, path = builtIn.path] { Q_EMIT avatarEdited(path); });
    }
    menu->addSeparator();
    QAction *clear = menu->addAction(tr("No Avatar (Initials)"));
    clear->setObjectName(QStringLiteral("clearAvatarAction"));
    connect(clear, &QAction::triggered, this, [this] { Q_EMIT avatarEdited(QString()); });
    m_button->setMenu(menu);

    m_preview->setObjectName(QStringLiteral("botAvatarPreview"));
    m_preview->setFixedSize(PreviewSize, PreviewSize);
    m_preview->setAlignment(Qt::AlignCenter);

    m_warning->setObjectName(QStringLiteral("botAvatarWarning"));
    m_warning->setWordWrap(true);
    ErrorText::style(m_warning);
    m_warning->hide();

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preview, 0, 0, 2, 1, Qt::AlignTop);
    layout->addWidget(m_edit, 0, 1);
    layout->addWidget(m_button, 0, 2);
    layout->addWidget(m_warning, 1, 1, 1, 2);
    layout->setColumnStretch(1, 1);
    setFocusProxy(m_edit);  // the form's "&Avatar:" buddy

    connect(m_button, &QToolButton::clicked, this, &AvatarPicker::chooseFile);
    connect(m_edit, &QLineEdit::textEdited, this, &AvatarPicker::avatarEdited);
    connect(m_edit, &QLineEdit::textChanged, this, &AvatarPicker::updatePreview);
    updatePreview();
}

QList<AvatarPicker::BuiltIn> AvatarPicker::builtInAvatars()
{
    return {
        {QStringLiteral(":/avatars/robot.svg"), tr("Robot")},
        {QStringLiteral(":/avatars/chat.svg"), tr("Speech Bubble")},
        {QStringLiteral(":/avatars/star.svg"), tr("Star")},
        {QStringLiteral(":/avatars/code.svg"), tr("Code")},
    };
}

void AvatarPicker::setAvatar(const QString &avatar)
{
    if (m_edit->text() != avatar)
        m_edit->setText(avatar);  // textChanged updates the preview; only textEdited is an edit
}

QString AvatarPicker::avatar() const
{
    return m_edit->text();
}

void AvatarPicker::setBotName(const QString &name)
{
    if (m_botName == name)
        return;
    m_botName = name;
    updatePreview();
}

void AvatarPicker::chooseFile()
{
    const QString current = m_edit->text();
    const QString dir = !current.isEmpty() && !current.startsWith(QLatin1Char(':')) && !isRemote(current)
                            ? QFileInfo(current).absolutePath()
                            : QDir::homePath();
    const QString file = FileDialog::instance().getOpenFileName(
        this, tr("Choose Avatar"), dir, tr("Images (*.png *.jpg *.jpeg *.svg *.webp);;All files (*)"));
    if (!file.isEmpty())
        Q_EMIT avatarEdited(QDir::toNativeSeparators(file));
}

QString AvatarPicker::warningText() const
{
    return m_warning->isVisibleTo(this) ? m_warning->text() : QString();
}

QPixmap AvatarPicker::loadImage(const QString &path, int size)
{
    if (path.isEmpty())
        return {};
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgRenderer renderer(path);
        if (!renderer.isValid())
            return {};
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.setAspectRatioMode(Qt::KeepAspectRatio);
        renderer.render(&painter);
        return pixmap;
    }
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull())
        return {};
    return QPixmap::fromImage(image.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

QPixmap AvatarPicker::initialsAvatar(const QString &name, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // The same name always gets the same colour, so bots are recognisable at a glance.
    const int hue = int(qHash(name.simplified()) % 360);
    painter.setBrush(QColor::fromHsl(hue, 110, 105));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRectF(0, 0, size, size));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(size * 2 / 5);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, initials(name));
    return pixmap;
}

void AvatarPicker::updatePreview()
{
    const QString avatar = m_edit->text().trimmed();
    QString warning;
    QPixmap image;
    if (!avatar.isEmpty() && !isRemote(avatar)) {
        const QString path = avatar.startsWith(QLatin1String("file:")) ? QUrl(avatar).toLocalFile() : avatar;
        image = loadImage(path, PreviewSize);
        if (image.isNull()) {
            warning =
                QFileInfo::exists(path)
                    ? tr("%1 is not an image Switchyard can read (PNG, JPEG, SVG or WebP). The initials are "
                         "shown instead.")
                          .arg(QDir::toNativeSeparators(path))
                    : tr("%1 does not exist. The initials are shown instead.").arg(QDir::toNativeSeparators(path));
        }
    }
    m_showsImage = !image.isNull();
    m_preview->setPixmap(m_showsImage ? image : initialsAvatar(m_botName, PreviewSize, devicePixelRatioF()));
    m_preview->setToolTip(isRemote(avatar) ? tr("Images on the web are not previewed; the bot's clients load them.")
                                           : QString());
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
}

}  // namespace Switchyard
