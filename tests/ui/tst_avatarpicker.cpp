// The bot editor's avatar picker: choosing a file or a built-in avatar is an undoable BotDocument edit, the preview
// shows the image or the initials, and a file that can't be read gets an inline warning.
#include "core/store/BotRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/FileDialog.h"
#include "ui/MainWindow.h"
#include "ui/bots/AvatarPicker.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"
#include "ui/bots/BotsPage.h"

#include <QAction>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Switchyard;
using Testing::UiWorkspace;

namespace {

/// A window with one stored bot "Astro Guide" (no avatar) open in the editor.
struct Fixture {
    UiWorkspace workspace;
    std::unique_ptr<MainWindow> window;
    BotEditorPage *editor = nullptr;
    AvatarPicker *picker = nullptr;

    void open()
    {
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        Bot bot;
        bot.name = QStringLiteral("Astro Guide");
        const auto created = BotRepository(workspace.database).create(bot);
        QVERIFY(created.ok());
        window = Testing::createMainWindow(workspace);
        editor = window->botsPage()->editor();
        QVERIFY(editor->openBot(created->id));
        picker = editor->avatarPicker();
        QVERIFY(picker);
    }
};

QImage previewImage(AvatarPicker *picker)
{
    auto *preview = picker->findChild<QLabel *>(QStringLiteral("botAvatarPreview"));
    return preview ? preview->pixmap().toImage() : QImage();
}

}  // namespace

class TestAvatarPicker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Testing::closeDialogs(); }

    void choosingAFileIsAnUndoableEdit()
    {
        Fixture f;
        f.open();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!f.editor->document()->isDirty());
        QVERIFY(!f.picker->previewShowsImage());  // no avatar yet: the initials
        const QImage initials = previewImage(f.picker);
        QCOMPARE(initials.size(),
                 QSize(AvatarPicker::PreviewSize, AvatarPicker::PreviewSize) * f.picker->devicePixelRatioF());

        const QString file = f.workspace.dir.filePath(QStringLiteral("face.png"));
        QImage image(64, 32, QImage::Format_ARGB32);
        image.fill(QColor(10, 200, 30));
        QVERIFY(image.save(file));

        FileDialog::instance().setNextFileName(file);
        QTest::mouseClick(f.picker->findChild<QToolButton *>(QStringLiteral("botAvatarButton")), Qt::LeftButton, {},
                          QPoint(5, 5));
        QCOMPARE(f.editor->document()->bot().avatar, QDir::toNativeSeparators(file));
        QVERIFY(f.editor->document()->isDirty());
        QCOMPARE(f.picker->lineEdit()->text(), QDir::toNativeSeparators(file));
        QVERIFY(f.picker->previewShowsImage());
        QVERIFY(f.picker->warningText().isEmpty());
        const QImage shown = previewImage(f.picker);
        QCOMPARE(shown.width(), AvatarPicker::PreviewSize);  // scaled to fit 48 px, aspect kept
        QCOMPARE(shown.height(), AvatarPicker::PreviewSize / 2);
        QCOMPARE(shown.pixelColor(24, 12), QColor(10, 200, 30));

        QUndoStack *stack = f.editor->document()->undoStack();
        QVERIFY(!stack->undoText().isEmpty());  // a readable undo text
        stack->undo();
        QVERIFY(f.editor->document()->bot().avatar.isEmpty());
        QVERIFY(!f.editor->document()->isDirty());
        QVERIFY(f.picker->lineEdit()->text().isEmpty());
        QVERIFY(!f.picker->previewShowsImage());
        stack->redo();
        QCOMPARE(f.editor->document()->bot().avatar, QDir::toNativeSeparators(file));
    }

    void cancelledChooserChangesNothing()
    {
        Fixture f;
        f.open();
        if (QTest::currentTestFailed())
            return;
        FileDialog::instance().setNextFileName(QString());
        f.picker->chooseFile();
        QVERIFY(!f.editor->document()->isDirty());
        QCOMPARE(f.editor->document()->undoStack()->count(), 0);
    }

    void unreadableFileShowsAWarningAndTheInitials()
    {
        Fixture f;
        f.open();
        if (QTest::currentTestFailed())
            return;
        const QString file = f.workspace.dir.filePath(QStringLiteral("not-an-image.png"));
        {
            QFile text(file);
            QVERIFY(text.open(QIODevice::WriteOnly));
            text.write("just text");
        }
        FileDialog::instance().setNextFileName(file);
        f.picker->chooseFile();
        QCOMPARE(f.editor->document()->bot().avatar, QDir::toNativeSeparators(file));  // kept: the user may fix it
        QVERIFY(!f.picker->previewShowsImage());
        QVERIFY(f.picker->warningText().contains(QStringLiteral("not-an-image.png")));
        QVERIFY(f.picker->findChild<QLabel *>(QStringLiteral("botAvatarWarning"))->isVisible());

        const QString missing = f.workspace.dir.filePath(QStringLiteral("gone.png"));
        FileDialog::instance().setNextFileName(missing);
        f.picker->chooseFile();
        QVERIFY(f.picker->warningText().contains(QStringLiteral("does not exist")));

        f.editor->document()->undoStack()->undo();
        f.editor->document()->undoStack()->undo();
        QVERIFY(f.picker->warningText().isEmpty());
    }

    void builtInAvatarFromTheMenu()
    {
        Fixture f;
        f.open();
        if (QTest::currentTestFailed())
            return;
        auto *menu = f.picker->findChild<QMenu *>(QStringLiteral("botAvatarMenu"));
        QVERIFY(menu);
        const QList<AvatarPicker::BuiltIn> builtIns = AvatarPicker::builtInAvatars();
        QVERIFY(builtIns.size() >= 3);
        QAction *first = nullptr;
        for (QAction *action : menu->actions()) {
            if (action->data().toString() == builtIns.first().path)
                first = action;
        }
        QVERIFY(first);
        for (const AvatarPicker::BuiltIn &builtIn : builtIns)
            QVERIFY2(!AvatarPicker::loadImage(builtIn.path, 48).isNull(), qPrintable(builtIn.path));
        first->trigger();
        QCOMPARE(f.editor->document()->bot().avatar, builtIns.first().path);
        QVERIFY(f.picker->previewShowsImage());
        QVERIFY(f.editor->document()->isDirty());

        auto *clear = menu->findChild<QAction *>(QStringLiteral("clearAvatarAction"));
        QVERIFY(clear);
        clear->trigger();
        QVERIFY(f.editor->document()->bot().avatar.isEmpty());
        QVERIFY(!f.picker->previewShowsImage());
    }

    void initialsFollowTheName()
    {
        const QImage astro = AvatarPicker::initialsAvatar(QStringLiteral("Astro Guide"), 48).toImage();
        const QImage code = AvatarPicker::initialsAvatar(QStringLiteral("Code Reviewer"), 48).toImage();
        const QImage same = AvatarPicker::initialsAvatar(QStringLiteral("Astro Guide"), 48).toImage();
        QCOMPARE(astro.size(), QSize(48, 48));
        QCOMPARE(astro, same);
        QVERIFY(astro != code);
        QCOMPARE(astro.pixelColor(0, 0).alpha(), 0);  // round: the corners are transparent
        QVERIFY(!AvatarPicker::initialsAvatar(QString(), 48).isNull());
    }
};

QTEST_MAIN(TestAvatarPicker)
#include "tst_avatarpicker.moc"
