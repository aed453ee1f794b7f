#include "ui/BotsTableModel.h"
#include "ui/NavigationModel.h"
#include "ui/PromptsTableModel.h"
#include "ui/ProvidersTableModel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Switchyard;

namespace {

Bot makeBot(const QString &name, const QString &slug, const QString &status, int rank)
{
    Bot bot;
    bot.id = rank;
    bot.name = name;
    bot.slug = slug;
    bot.status = status;
    bot.type = QStringLiteral("support");
    bot.rank = rank;
    bot.description = name + QStringLiteral(" answers questions");
    bot.updated = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    return bot;
}

}  // namespace

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void navigationModelListsSixPagesInOrder();
    void navigationModelHasIconsAndShortcutTooltips();
    void botsModelPassesTesterThroughResets();
    void botsModelShowsFieldsAndTranslatesStatus();
    void botsModelSortsRankNumerically();
    void promptsModelShowsLatestVersionAndLabels();
    void providersModelShowsModelsAndKeyReference();
};

void TestModels::navigationModelListsSixPagesInOrder()
{
    NavigationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 6);
    const QList<NavigationModel::Page> expected{NavigationModel::Page::Bots,      NavigationModel::Page::Prompts,
                                                NavigationModel::Page::Chat,      NavigationModel::Page::Dashboards,
                                                NavigationModel::Page::Providers, NavigationModel::Page::Activity};
    const QStringList ids{QStringLiteral("bots"),       QStringLiteral("prompts"),   QStringLiteral("chat"),
                          QStringLiteral("dashboards"), QStringLiteral("providers"), QStringLiteral("activity")};
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.pageAt(row), expected.at(row));
        QCOMPARE(model.rowOf(expected.at(row)), row);
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(index.data(NavigationModel::PageRole).toInt(), int(expected.at(row)));
        QCOMPARE(index.data(NavigationModel::PageIdRole).toString(), ids.at(row));
        QVERIFY(!index.data(Qt::DisplayRole).toString().isEmpty());
    }
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Prompts"));
}

void TestModels::navigationModelHasIconsAndShortcutTooltips()
{
    NavigationModel model;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.isNull(), qPrintable(model.iconPath(model.pageAt(row))));
        QVERIFY2(!icon.pixmap(24, 24).isNull(), qPrintable(model.iconPath(model.pageAt(row))));
        QVERIFY(index.data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("(Ctrl+%1)").arg(row + 1)));
    }
}

void TestModels::botsModelPassesTesterThroughResets()
{
    BotsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(BotsTableModel::ColumnCount));
    model.setBots({makeBot(QStringLiteral("Astro"), QStringLiteral("astro"), QStringLiteral("live"), 1),
                   makeBot(QStringLiteral("Helpdesk"), QStringLiteral("helpdesk"), QStringLiteral("draft"), 2)});
    QCOMPARE(model.rowCount(), 2);
    model.setBots({makeBot(QStringLiteral("Only"), QStringLiteral("only"), QStringLiteral("archived"), 3)});
    QCOMPARE(model.rowCount(), 1);
    model.setBots({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(resets.count(), 3);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestModels::botsModelShowsFieldsAndTranslatesStatus()
{
    BotsTableModel model;
    model.setBots({makeBot(QStringLiteral("Astro Guide"), QStringLiteral("astro-guide"), QStringLiteral("live"), 7)});
    QCOMPARE(model.index(0, BotsTableModel::NameColumn).data().toString(), QStringLiteral("Astro Guide"));
    QCOMPARE(model.index(0, BotsTableModel::SlugColumn).data().toString(), QStringLiteral("astro-guide"));
    QCOMPARE(model.index(0, BotsTableModel::StatusColumn).data().toString(), QStringLiteral("Live"));
    QCOMPARE(model.index(0, BotsTableModel::TypeColumn).data().toString(), QStringLiteral("support"));
    QCOMPARE(model.index(0, BotsTableModel::RankColumn).data().toInt(), 7);
    QCOMPARE(model.index(0, BotsTableModel::UpdatedColumn).data().toDateTime().toUTC(),
             QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC));
    QCOMPARE(model.index(0, BotsTableModel::NameColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Astro Guide answers questions"));
    QCOMPARE(model.headerData(BotsTableModel::SlugColumn, Qt::Horizontal).toString(), QStringLiteral("Slug"));
    QCOMPARE(BotsTableModel::statusText(QStringLiteral("archived")), QStringLiteral("Archived"));
    QCOMPARE(BotsTableModel::statusText(QStringLiteral("paused")), QStringLiteral("paused"));
}

void TestModels::botsModelSortsRankNumerically()
{
    BotsTableModel model;
    model.setBots({makeBot(QStringLiteral("Ten"), QStringLiteral("ten"), QStringLiteral("live"), 10),
                   makeBot(QStringLiteral("Two"), QStringLiteral("two"), QStringLiteral("live"), 2),
                   makeBot(QStringLiteral("Nine"), QStringLiteral("nine"), QStringLiteral("live"), 9)});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(BotsTableModel::RankColumn);
    QCOMPARE(proxy.index(0, BotsTableModel::NameColumn).data().toString(), QStringLiteral("Two"));
    QCOMPARE(proxy.index(1, BotsTableModel::NameColumn).data().toString(), QStringLiteral("Nine"));
    QCOMPARE(proxy.index(2, BotsTableModel::NameColumn).data().toString(), QStringLiteral("Ten"));
}

void TestModels::promptsModelShowsLatestVersionAndLabels()
{
    PromptsTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    PromptsTableModel::Row row;
    row.latest.key = QStringLiteral("support_answer");
    row.latest.version = 3;
    row.latest.author = QStringLiteral("dana");
    row.latest.note = QStringLiteral("shorter greeting");
    row.latest.created = QDateTime(QDate(2025, 4, 2), QTime(9, 30), Qt::UTC);
    row.versionCount = 3;
    row.labels = {PromptLabel{QStringLiteral("support_answer"), QStringLiteral("staging"), 3, {}},
                  PromptLabel{QStringLiteral("support_answer"), QStringLiteral("production"), 2, {}}};
    model.setRows({row});

    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, PromptsTableModel::KeyColumn).data().toString(), QStringLiteral("support_answer"));
    QCOMPARE(model.index(0, PromptsTableModel::LatestColumn).data().toInt(), 3);
    QCOMPARE(model.index(0, PromptsTableModel::LatestColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("shorter greeting"));
    QCOMPARE(model.index(0, PromptsTableModel::VersionsColumn).data().toInt(), 3);
    QCOMPARE(model.index(0, PromptsTableModel::LabelsColumn).data().toString(),
             QStringLiteral("production → v2, staging → v3"));
    QCOMPARE(model.index(0, PromptsTableModel::AuthorColumn).data().toString(), QStringLiteral("dana"));
    QCOMPARE(PromptsTableModel::labelsText({}), QString());

    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::providersModelShowsModelsAndKeyReference()
{
    ProvidersTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    ProviderSpec bedrock;
    bedrock.id = QStringLiteral("bedrock");
    bedrock.kind = QStringLiteral("bedrock");
    bedrock.displayName = QStringLiteral("AWS Bedrock");
    bedrock.region = QStringLiteral("us-east-1");
    bedrock.regions = {QStringLiteral("us-east-1"), QStringLiteral("ap-south-1")};
    bedrock.apiKeyRef = QStringLiteral("env:AWS_ACCESS_KEY_ID");
    ModelSpec r1;
    r1.id = QStringLiteral("deepseek.r1-v1:0");
    r1.displayName = QStringLiteral("DeepSeek R1");
    r1.contextWindow = 128000;
    r1.price.inputPer1k = 0.00135;
    r1.price.outputPer1k = 0.0054;
    ModelSpec haiku;
    haiku.id = QStringLiteral("claude-3-5-haiku");
    bedrock.models = {r1, haiku};

    ProviderSpec openai;
    openai.id = QStringLiteral("openai");
    openai.kind = QStringLiteral("openai");
    openai.baseUrl = QStringLiteral("https://api.openai.com/v1");
    openai.apiKeyRef = QStringLiteral("keychain:openai");

    model.setProviders({bedrock, openai});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ProvidersTableModel::NameColumn).data().toString(), QStringLiteral("AWS Bedrock"));
    QCOMPARE(model.index(0, ProvidersTableModel::RegionColumn).data().toString(),
             QStringLiteral("us-east-1, ap-south-1"));
    QCOMPARE(model.index(0, ProvidersTableModel::ModelsColumn).data().toString(),
             QStringLiteral("deepseek.r1-v1:0, claude-3-5-haiku"));
    const QString tip = model.index(0, ProvidersTableModel::ModelsColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("DeepSeek R1 — context 128000 tokens")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("claude-3-5-haiku")), qPrintable(tip));
    QCOMPARE(model.index(0, ProvidersTableModel::KeyColumn).data().toString(), QStringLiteral("env:AWS_ACCESS_KEY_ID"));
    QCOMPARE(model.index(1, ProvidersTableModel::EndpointColumn).data().toString(),
             QStringLiteral("https://api.openai.com/v1"));
    QCOMPARE(model.index(1, ProvidersTableModel::ModelsColumn).data(Qt::ToolTipRole), QVariant());
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
