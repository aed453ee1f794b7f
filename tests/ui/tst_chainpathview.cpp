// The chain path under the configs table: primary → rule and chain hops → universal fallback, with each hop's context
// window and price, smaller context windows flagged, following the selected config and its edits.
#include "core/accounting/PriceCatalogue.h"
#include "core/routing/ChainPlanner.h"
#include "core/store/BotRepository.h"
#include "core/store/ProviderRepository.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/BotsTableModel.h"
#include "ui/FilterTablePage.h"
#include "ui/MainWindow.h"
#include "ui/bots/BotDocument.h"
#include "ui/bots/BotEditorPage.h"
#include "ui/bots/BotsPage.h"
#include "ui/bots/ChainPathView.h"
#include "ui/bots/ConfigsTableModel.h"

#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Switchyard;
using Testing::UiWorkspace;

namespace {

ModelSpec model(const QString &id, int contextWindow, double inputPer1k = 0, double outputPer1k = 0)
{
    ModelSpec spec;
    spec.id = id;
    spec.contextWindow = contextWindow;
    spec.price.inputPer1k = inputPer1k;
    spec.price.outputPer1k = outputPer1k;
    return spec;
}

ProviderSpec provider(const QString &id, QList<ModelSpec> models, const QString &region = {})
{
    ProviderSpec spec;
    spec.id = id;
    spec.kind = QStringLiteral("openai_compatible");
    spec.models = std::move(models);
    spec.region = region;
    if (!region.isEmpty())
        spec.regions = {region};
    return spec;
}

/// A primary with 200K tokens; its fallback rule goes to a 32K model (smaller: flagged), the chain to a 1M model
/// (larger: not flagged), the universal fallback to an 8K model (smaller: flagged).
ProvidersConfig routingData()
{
    ProvidersConfig config;
    config.providers = {provider(QStringLiteral("big"), {model(QStringLiteral("big-200k"), 200000, 0.003, 0.015)},
                                 QStringLiteral("eu-west-1")),
                        provider(QStringLiteral("small"), {model(QStringLiteral("small-32k"), 32000, 0.0001, 0.0002)}),
                        provider(QStringLiteral("huge"), {model(QStringLiteral("huge-1m"), 1048576, 0.00125, 0.01)}),
                        provider(QStringLiteral("tiny"), {model(QStringLiteral("tiny-8k"), 8192)})};
    config.rules = {FallbackRule{ChainHop{QStringLiteral("big"), QString(), QString()},
                                 {ChainHop{QStringLiteral("small"), QStringLiteral("small-32k"), QString()}}}};
    config.chains = {ChainSpec{
        QStringLiteral("main"), QString(), {ChainHop{QStringLiteral("huge"), QStringLiteral("huge-1m"), QString()}}}};
    config.universalFallback = ChainHop{QStringLiteral("tiny"), QStringLiteral("tiny-8k"), QString()};
    return config;
}

LlmConfig bigConfig()
{
    LlmConfig config;
    config.name = QStringLiteral("Big");
    config.provider = QStringLiteral("big");
    config.model = QStringLiteral("big-200k");
    config.region = QStringLiteral("eu-west-1");
    config.chain = QStringLiteral("main");
    return config;
}

}  // namespace

class TestChainPathView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Testing::closeDialogs(); }

    void listsPrimaryHopsAndUniversalFallbackInOrder()
    {
        ChainPathView view;
        view.setProviders(routingData());
        QVERIFY(view.hops().isEmpty());  // no config yet
        view.setConfig(bigConfig());

        const QList<ChainPathView::Hop> hops = view.hops();
        QCOMPARE(hops.size(), 4);
        QCOMPARE(hops.at(0).provider, QStringLiteral("big"));
        QCOMPARE(hops.at(0).model, QStringLiteral("big-200k"));
        QCOMPARE(hops.at(0).region, QStringLiteral("eu-west-1"));
        QCOMPARE(hops.at(0).origin, PlannedHop::Origin::Primary);
        QCOMPARE(hops.at(0).contextWindow, 200000);
        QCOMPARE(hops.at(0).price.inputPer1k, 0.003);
        QVERIFY(!hops.at(0).smallerContextThanPrimary);

        QCOMPARE(hops.at(1).provider, QStringLiteral("small"));
        QCOMPARE(hops.at(1).origin, PlannedHop::Origin::Rule);
        QVERIFY(hops.at(1).smallerContextThanPrimary);

        QCOMPARE(hops.at(2).provider, QStringLiteral("huge"));
        QCOMPARE(hops.at(2).origin, PlannedHop::Origin::Chain);
        QCOMPARE(hops.at(2).originName, QStringLiteral("main"));
        QVERIFY(!hops.at(2).smallerContextThanPrimary);

        QCOMPARE(hops.at(3).provider, QStringLiteral("tiny"));
        QVERIFY(hops.at(3).isUniversalFallback());
        QVERIFY(hops.at(3).smallerContextThanPrimary);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!hops.at(i).isUniversalFallback());
        QVERIFY(view.warnings().isEmpty());

        // A chain that already tries the universal fallback's model: that hop keeps its place and carries the mark.
        ProvidersConfig sameModel = routingData();
        sameModel.chains.first().hops.append(ChainHop{QStringLiteral("tiny"), QStringLiteral("tiny-8k"), QString()});
        sameModel.chains.first().hops.append(ChainHop{QStringLiteral("huge"), QStringLiteral("huge-1m"), QString()});
        view.setProviders(sameModel);
        QCOMPARE(view.hops().size(), 4);
        QCOMPARE(view.hops().at(3).provider, QStringLiteral("tiny"));
        QCOMPARE(view.hops().at(3).origin, PlannedHop::Origin::Chain);
        QVERIFY(view.hops().at(3).isUniversalFallback());
        view.setProviders(routingData());
        QVERIFY(view.accessibleDescription().contains(QStringLiteral("big/big-200k → small/small-32k")));
    }

    void growsWithTheNumberOfHops()
    {
        ChainPathView view;
        view.setProviders(routingData());
        LlmConfig config = bigConfig();
        config.chain.clear();
        config.provider = QStringLiteral("huge");
        config.model = QStringLiteral("huge-1m");
        config.region.clear();
        view.setConfig(config);
        QCOMPARE(view.hops().size(), 2);  // huge, then the universal fallback
        const int twoHops = view.sizeHint().width();
        view.setConfig(bigConfig());
        QVERIFY(view.sizeHint().width() > twoHops);
        view.setConfig(std::nullopt);
        QVERIFY(view.hops().isEmpty());
    }

    void unknownChainIsAWarningNotAHop()
    {
        ChainPathView view;
        view.setProviders(routingData());
        LlmConfig config = bigConfig();
        config.chain = QStringLiteral("missing");
        view.setConfig(config);
        QCOMPARE(view.hops().size(), 3);  // primary, rule hop, universal fallback
        QCOMPARE(view.warnings().size(), 1);
        QVERIFY(view.warnings().first().contains(QStringLiteral("missing")));
        const int withWarning = view.sizeHint().height();
        view.setConfig(bigConfig());
        QVERIFY(view.sizeHint().height() < withWarning);  // the warning line is gone
    }

    void formatsContextAndPrice()
    {
        QCOMPARE(ChainPathView::contextText(128000), QStringLiteral("128K tokens"));
        QCOMPARE(ChainPathView::contextText(1048576), QStringLiteral("1.05M tokens"));
        QCOMPARE(ChainPathView::contextText(8192), QStringLiteral("8.2K tokens"));
        QCOMPARE(ChainPathView::contextText(0), QStringLiteral("context unknown"));
        Price price;
        QCOMPARE(ChainPathView::priceText(price), QStringLiteral("price unknown"));
        price.inputPer1k = 0.00015;
        price.outputPer1k = 0.0006;
        QCOMPARE(ChainPathView::priceText(price), QStringLiteral("$0.15 / $0.60 per 1M in / out"));
        price.inputPer1k = 0.000075;  // 0.075 per 1M keeps its third decimal
        price.outputPer1k = 0.003;
        QCOMPARE(ChainPathView::priceText(price), QStringLiteral("$0.075 / $3.00 per 1M in / out"));
    }

    /// Prices are the ones accounting charges: a manual price wins over providers.yaml.
    void showsTheEffectivePrice()
    {
        UiWorkspace workspace;
        workspace.open();
        if (QTest::currentTestFailed())
            return;
        ProviderRepository repository(workspace.database);
        QVERIFY(repository.replaceAll(routingData()).ok());
        Price manual;
        manual.inputPer1k = 0.001;
        manual.outputPer1k = 0.002;
        QVERIFY(repository
                    .upsertPrice(QStringLiteral("big"), QStringLiteral("big-200k"), manual,
                                 ProviderRepository::PriceSource::Manual)
                    .ok());
        PriceCatalogue catalogue(workspace.database);
        QVERIFY(catalogue.reload().ok());

        ChainPathView view;
        view.setProviders(*repository.load());
        view.setConfig(bigConfig());
        QCOMPARE(view.hops().first().price.inputPer1k, 0.003);  // without a catalogue: providers.yaml
        view.setPriceCatalogue(&catalogue);
        const QList<ChainPathView::Hop> hops = view.hops();
        QCOMPARE(hops.at(0).price, manual);
        QCOMPARE(hops.at(0).priceSource, QStringLiteral("manual"));
        QCOMPARE(hops.at(1).price.inputPer1k, 0.0001);
        QCOMPARE(hops.at(1).priceSource, QStringLiteral("providers.yaml"));
    }

    /// In the bot editor: the path follows the selected config row and the config's edits.
    void followsTheSelectedConfigInTheEditor()
    {
        UiWorkspace workspace;
        workspace.openWithSample();
        if (QTest::currentTestFailed())
            return;
        const auto providers = ProviderRepository(workspace.database).load();
        QVERIFY(providers.ok());
        const auto window = Testing::createMainWindow(workspace);
        BotsPage *bots = window->botsPage();
        BotEditorPage *editor = bots->editor();
        ChainPathView *path = editor->chainPathView();
        QVERIFY(path);
        QCOMPARE(path->objectName(), QStringLiteral("chainPathView"));

        // Open the first sample bot with at least two configs.
        const auto list = BotRepository(workspace.database).list();
        QVERIFY(list.ok());
        BotDocument *document = editor->document();
        for (const Bot &bot : *list) {
            QVERIFY(editor->openBot(bot.id));
            if (document->configCount() >= 2)
                break;
        }
        QVERIFY(document->configCount() >= 2);
        const ChainPlanner planner(*providers);

        for (int row = 0; row < 2; ++row) {
            editor->configsView()->setCurrentIndex(editor->configsModel()->index(row, 0));
            const LlmConfig &config = document->configAt(row);
            const ChainPlan plan = planner.plan(config, QString());
            const QList<ChainPathView::Hop> hops = path->hops();
            QCOMPARE(hops.size(), plan.hops.size());
            QCOMPARE(hops.first().provider, config.provider);
            QCOMPARE(hops.first().model, config.model);
            QCOMPARE(hops.first().origin, PlannedHop::Origin::Primary);
            // Exactly one hop carries the universal fallback mark: the universal hop, or the earlier hop that
            // already tries the same model.
            int universal = 0;
            for (const ChainPathView::Hop &hop : hops) {
                if (!hop.isUniversalFallback())
                    continue;
                ++universal;
                QCOMPARE(hop.provider, providers->universalFallback->provider);
                QCOMPARE(hop.model, providers->universalFallback->model);
            }
            QCOMPARE(universal, 1);
            for (int i = 0; i < hops.size(); ++i) {
                QCOMPARE(hops.at(i).provider, plan.hops.at(i).provider);
                QCOMPARE(hops.at(i).model, plan.hops.at(i).model);
                QCOMPARE(hops.at(i).smallerContextThanPrimary, plan.hops.at(i).smallerContextThanPrimary);
            }
        }

        // Editing the selected config's chain redraws the path at once.
        const int row = 1;
        editor->configsView()->setCurrentIndex(editor->configsModel()->index(row, 0));
        LlmConfig edited = document->configAt(row);
        edited.chain = QStringLiteral("no-such-chain");
        document->editConfig(row, edited, QStringLiteral("Change chain"));
        QCOMPARE(path->warnings().size(), 1);
        QVERIFY(path->warnings().first().contains(QStringLiteral("no-such-chain")));
        document->undoStack()->undo();
        QVERIFY(path->warnings().isEmpty());
    }
};

QTEST_MAIN(TestChainPathView)
#include "tst_chainpathview.moc"
