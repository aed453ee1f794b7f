#pragma once

#include <QList>
#include <QPixmap>
#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace Switchyard {

/// The bot editor's avatar field: a path or URL, a "Choose…" button (file chooser, with built-in avatars in its
/// menu), a 48 px preview and an inline warning when the chosen file can't be read.
///
/// The picker only shows and proposes; avatarEdited() carries the user's choice to the editor, which makes it an
/// undoable BotDocument edit and then calls setAvatar() with the document's value.
///
/// Object names: botAvatarEdit (the text), botAvatarButton, botAvatarPreview, botAvatarWarning.
class AvatarPicker : public QWidget {
    Q_OBJECT

public:
    /// A built-in avatar: its resource path (what is stored in the bot) and its name for the menu.
    struct BuiltIn {
        QString path;
        QString name;
    };

    static constexpr int PreviewSize = 48;

    explicit AvatarPicker(QWidget *parent = nullptr);

    /// Shows @p avatar (a file path, ":/avatars/…" or a URL) without emitting avatarEdited().
    void setAvatar(const QString &avatar);
    QString avatar() const;
    /// The bot's name, for the initials avatar shown when there is no image.
    void setBotName(const QString &name);

    /// Opens the file chooser (FileDialog, the test seam) and emits avatarEdited() with the chosen file.
    void chooseFile();

    QLineEdit *lineEdit() const { return m_edit; }
    /// The inline warning; empty when the avatar could be shown (or there is none).
    QString warningText() const;
    /// True when the preview shows the image itself, false when it shows the initials avatar.
    bool previewShowsImage() const { return m_showsImage; }

    static QList<BuiltIn> builtInAvatars();
    /// @p path as an image of @p size × @p size; a null pixmap when it can't be read (SVG is rendered sharp).
    static QPixmap loadImage(const QString &path, int size);
    /// A round avatar with the first letters of @p name (a "?" for an empty name), its colour derived from the name.
    static QPixmap initialsAvatar(const QString &name, int size, qreal devicePixelRatio = 1.0);

Q_SIGNALS:
    /// The user typed, chose a file or picked a built-in avatar.
    void avatarEdited(const QString &avatar);

private:
    void updatePreview();

    QLineEdit *m_edit = nullptr;
    QToolButton *m_button = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_warning = nullptr;
    QString m_botName;
    bool m_showsImage = false;
};

}  // namespace Switchyard
