#include "core/accounting/LiteLlmPriceImporter.h"
#include "core/providers/ProvidersFile.h"
#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Switchyard;

namespace {

const QString DataDir = QStringLiteral(SWITCHYARD_TEST_DATA_DIR "/accounting");
const QString SampleProviders = QStringLiteral(SWITCHYARD_SAMPLE_DIR "/providers.yaml");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QStringList skippedNames(const LiteLlmImportReport &report)
{
    QStringList names;
    for (const auto &skipped : report.skipped)
        names.append(skipped.entry);
    return names;
}

QString reasonFor(const LiteLlmImportReport &report, const QString &entry)
{
    for (const auto &skipped : report.skipped) {
        if (skipped.entry == entry)
            return skipped.reason;
    }
    return {};
}

}  // namespace

class TestLiteLlmImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void importsTheFixture();
    void storesPerThousandPrices();
    void prefersProviderOwnAndRegionalEntries();
    void reportsSkippedEntriesWithReasons();
    void reportsUnmatchedEntries();
    void secondImportCountsOnlyChanges();
    void emptyWorkspaceMatchesNothing();
    void malformedFileGivesLineAndColumn();
    void topLevelMustBeAnObject();
    void missingFileIsAnIoError();
    void importIsOneTransaction();
    void providerKinds_data();
    void providerKinds();

private:
    QList<ProviderRepository::PriceRecord> liteLlmPrices();
    std::optional<Price> liteLlmPrice(const QString &provider, const QString &model);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestLiteLlmImport::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_database = std::make_unique<Database>();
    auto opened = m_database->open(m_dir->filePath(QStringLiteral("workspace.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
    const QByteArray yaml = readFile(SampleProviders);
    QVERIFY(!yaml.isEmpty());
    auto parsed = ProvidersFile::parse(yaml, SampleProviders);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    auto replaced = ProviderRepository(*m_database).replaceAll(parsed->config);
    QVERIFY2(replaced.ok(), qPrintable(replaced.ok() ? QString() : replaced.error().toString()));
}

void TestLiteLlmImport::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

QList<ProviderRepository::PriceRecord> TestLiteLlmImport::liteLlmPrices()
{
    QList<ProviderRepository::PriceRecord> result;
    auto all = ProviderRepository(*m_database).prices();
    if (!all)
        return result;
    for (const auto &record : std::as_const(*all)) {
        if (record.source == ProviderRepository::PriceSource::LiteLlm)
            result.append(record);
    }
    return result;
}

std::optional<Price> TestLiteLlmImport::liteLlmPrice(const QString &provider, const QString &model)
{
    for (const auto &record : liteLlmPrices()) {
        if (record.providerId == provider && record.modelId == model)
            return record.price;
    }
    return std::nullopt;
}

void TestLiteLlmImport::importsTheFixture()
{
    LiteLlmPriceImporter importer(*m_database);
    auto report = importer.importFile(DataDir + QStringLiteral("/model_prices_and_context_window.json"));
    QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
    QCOMPARE(report->entries, 34);
    QCOMPARE(report->matched, 21);
    QCOMPARE(report->updated, 21);
    QCOMPARE(report->matches.size(), 21);
    QCOMPARE(report->skipped.size(), 9);
    QCOMPARE(report->unmatched.size(), 4);
    // Every entry is accounted for exactly once: matched, superseded/skipped, or unmatched.
    QCOMPARE(report->matches.size() + report->skipped.size() + report->unmatched.size(), report->entries);
    QCOMPARE(liteLlmPrices().size(), 21);

    // Matches come in workspace order; check which file entry fed which workspace model.
    QHash<QString, QString> entryOf;
    for (const auto &match : std::as_const(report->matches))
        entryOf.insert(match.providerId + QLatin1Char('/') + match.modelId, match.entry);
    QCOMPARE(report->matches.first().providerId, QStringLiteral("openai"));
    QCOMPARE(report->matches.first().modelId, QStringLiteral("gpt-4o"));
    QCOMPARE(entryOf.value(QStringLiteral("openai/gpt-4o")), QStringLiteral("gpt-4o"));
    QCOMPARE(entryOf.value(QStringLiteral("azure/gpt-4o")), QStringLiteral("azure/gpt-4o"));
    QCOMPARE(entryOf.value(QStringLiteral("gemini/gemini-2.5-pro")), QStringLiteral("gemini/gemini-2.5-pro"));
    QCOMPARE(entryOf.value(QStringLiteral("bedrock/deepseek.r1-v1:0")), QStringLiteral("deepseek.r1-v1:0"));
    QCOMPARE(entryOf.value(QStringLiteral("bedrock/meta.llama3-3-70b-instruct-v1:0")),
             QStringLiteral("bedrock/ap-south-1/meta.llama3-3-70b-instruct-v1:0"));
    QCOMPARE(entryOf.value(QStringLiteral("byteplus/deepseek-r1-250528")),
             QStringLiteral("volcengine/deepseek-r1-250528"));
    QCOMPARE(entryOf.value(QStringLiteral("openrouter/meta-llama/llama-3.3-70b-instruct")),
             QStringLiteral("openrouter/meta-llama/llama-3.3-70b-instruct"));
    QCOMPARE(entryOf.value(QStringLiteral("groq/llama-3.1-8b-instant")), QStringLiteral("groq/llama-3.1-8b-instant"));
    QCOMPARE(entryOf.value(QStringLiteral("deepseek/deepseek-reasoner")), QStringLiteral("deepseek/deepseek-reasoner"));
    QCOMPARE(entryOf.value(QStringLiteral("ollama/llama3.2")), QStringLiteral("ollama/llama3.2"));
    QVERIFY(!entryOf.contains(QStringLiteral("ollama/qwen2.5:7b")));
    QVERIFY(!entryOf.contains(QStringLiteral("simulator/sim-fast")));
}

void TestLiteLlmImport::storesPerThousandPrices()
{
    auto report =
        LiteLlmPriceImporter(*m_database).importFile(DataDir + QStringLiteral("/model_prices_and_context_window.json"));
    QVERIFY(report.ok());
    // 1.5e-07 per token × 1000 is stored as exactly the double 0.00015 (no 1.5000000000000001e-04 noise).
    QCOMPARE(liteLlmPrice(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini")),
             std::optional<Price>(Price{0.00015, 0.0006, 0.000075, std::nullopt, std::nullopt}));
    QCOMPARE(liteLlmPrice(QStringLiteral("anthropic"), QStringLiteral("claude-sonnet-4-5")),
             std::optional<Price>(Price{0.003, 0.015, 0.0003, 0.00375, std::nullopt}));
    QCOMPARE(liteLlmPrice(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-flash")),
             std::optional<Price>(Price{0.0003, 0.0025, 0.000075, std::nullopt, 0.0025}));
    QCOMPARE(liteLlmPrice(QStringLiteral("deepseek"), QStringLiteral("deepseek-chat")),
             std::optional<Price>(Price{0.00027, 0.0011, 0.00007, std::nullopt, std::nullopt}));
    QCOMPARE(liteLlmPrice(QStringLiteral("ollama"), QStringLiteral("llama3.2")),
             std::optional<Price>(Price{0.0, 0.0, std::nullopt, std::nullopt, std::nullopt}));
    // The providers.yaml price is still the effective one; the LiteLLM price sits beside it.
    auto effective =
        ProviderRepository(*m_database).effectivePrice(QStringLiteral("openai"), QStringLiteral("gpt-4o-mini"));
    QVERIFY(effective.ok() && effective->has_value());
    QCOMPARE((*effective)->source, ProviderRepository::PriceSource::ProvidersYaml);
}

void TestLiteLlmImport::prefersProviderOwnAndRegionalEntries()
{
    auto report =
        LiteLlmPriceImporter(*m_database).importFile(DataDir + QStringLiteral("/model_prices_and_context_window.json"));
    QVERIFY(report.ok());
    // gemini/ (Gemini API) wins over vertex_ai-language-models: its cached price 3.1e-07, not 3.125e-07.
    QCOMPARE(liteLlmPrice(QStringLiteral("gemini"), QStringLiteral("gemini-2.5-pro")),
             std::optional<Price>(Price{0.00125, 0.01, 0.00031, std::nullopt, 0.01}));
    QCOMPARE(reasonFor(*report, QStringLiteral("gemini-2.5-pro")),
             QStringLiteral("Superseded by 'gemini/gemini-2.5-pro' for gemini/gemini-2.5-pro."));
    // The ap-south-1 entry wins for the Bedrock provider whose default region is ap-south-1.
    QCOMPARE(liteLlmPrice(QStringLiteral("bedrock"), QStringLiteral("meta.llama3-3-70b-instruct-v1:0")),
             std::optional<Price>(Price{0.00086, 0.00086, std::nullopt, std::nullopt, std::nullopt}));
    QVERIFY(reasonFor(*report, QStringLiteral("meta.llama3-3-70b-instruct-v1:0"))
                .contains(QStringLiteral("bedrock/ap-south-1/meta.llama3-3-70b-instruct-v1:0")));
}

void TestLiteLlmImport::reportsSkippedEntriesWithReasons()
{
    auto report =
        LiteLlmPriceImporter(*m_database).importFile(DataDir + QStringLiteral("/model_prices_and_context_window.json"));
    QVERIFY(report.ok());
    QCOMPARE(
        skippedNames(*report),
        (QStringList{QStringLiteral("chatgpt-4o-latest"), QStringLiteral("dall-e-3"), QStringLiteral("gemini-2.5-pro"),
                     QStringLiteral("gpt-4-turbo"), QStringLiteral("gpt-4o-realtime-preview"),
                     QStringLiteral("meta.llama3-3-70b-instruct-v1:0"), QStringLiteral("sample_spec"),
                     QStringLiteral("text-embedding-3-small"), QStringLiteral("whisper-1")}));
    QVERIFY(reasonFor(*report, QStringLiteral("sample_spec")).contains(QStringLiteral("not a model")));
    QCOMPARE(reasonFor(*report, QStringLiteral("text-embedding-3-small")),
             QStringLiteral("Mode 'embedding' is not a chat model."));
    QCOMPARE(reasonFor(*report, QStringLiteral("dall-e-3")),
             QStringLiteral("Mode 'image_generation' is not a chat model."));
    QCOMPARE(reasonFor(*report, QStringLiteral("chatgpt-4o-latest")),
             QStringLiteral("It has no input_cost_per_token (missing or null)."));
    QCOMPARE(reasonFor(*report, QStringLiteral("gpt-4o-realtime-preview")),
             QStringLiteral("It has no output_cost_per_token (missing or null)."));
    QCOMPARE(reasonFor(*report, QStringLiteral("gpt-4-turbo")),
             QStringLiteral("input_cost_per_token is not a non-negative number."));
}

void TestLiteLlmImport::reportsUnmatchedEntries()
{
    auto report =
        LiteLlmPriceImporter(*m_database).importFile(DataDir + QStringLiteral("/model_prices_and_context_window.json"));
    QVERIFY(report.ok());
    // mistral has no adapter; command-r-plus is cohere (no cohere provider in the sample); claude-3-haiku is not a
    // sample model; the us-west-2 Bedrock price does not apply to a provider in ap-south-1.
    QCOMPARE(report->unmatched,
             (QStringList{QStringLiteral("bedrock/us-west-2/meta.llama3-3-70b-instruct-v1:0"),
                          QStringLiteral("claude-3-haiku-20240307"), QStringLiteral("command-r-plus"),
                          QStringLiteral("mistral/mistral-large-latest")}));
    QVERIFY(!liteLlmPrice(QStringLiteral("anthropic"), QStringLiteral("claude-3-haiku-20240307")));
}

void TestLiteLlmImport::secondImportCountsOnlyChanges()
{
    const QString path = DataDir + QStringLiteral("/model_prices_and_context_window.json");
    LiteLlmPriceImporter importer(*m_database);
    QVERIFY(importer.importFile(path).ok());
    auto again = importer.importFile(path);
    QVERIFY(again.ok());
    QCOMPARE(again->matched, 21);
    QCOMPARE(again->updated, 0);

    QByteArray json = readFile(path);
    const QByteArray before = "\"output_cost_per_token\": 7.9e-07";
    QVERIFY(json.contains(before));
    json.replace(before, "\"output_cost_per_token\": 9.9e-07");
    auto changed = importer.importJson(json, QStringLiteral("changed.json"));
    QVERIFY(changed.ok());
    QCOMPARE(changed->updated, 1);
    QCOMPARE(liteLlmPrice(QStringLiteral("groq"), QStringLiteral("llama-3.3-70b-versatile"))->outputPer1k, 0.00099);
    QCOMPARE(liteLlmPrices().size(), 21);
}

void TestLiteLlmImport::emptyWorkspaceMatchesNothing()
{
    QVERIFY(ProviderRepository(*m_database).replaceAll(ProvidersConfig{}).ok());
    auto report =
        LiteLlmPriceImporter(*m_database).importFile(DataDir + QStringLiteral("/model_prices_and_context_window.json"));
    QVERIFY(report.ok());
    QCOMPARE(report->matched, 0);
    QCOMPARE(report->unmatched.size(), 27);
    QCOMPARE(report->skipped.size(), 7);
    QVERIFY(liteLlmPrices().isEmpty());
}

void TestLiteLlmImport::malformedFileGivesLineAndColumn()
{
    const QString path = DataDir + QStringLiteral("/malformed.json");
    auto report = LiteLlmPriceImporter(*m_database).importFile(path);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::InvalidInput);
    QCOMPARE(report.error().file, path);
    // The comma is missing at the end of line 3; the parser notices at the next value, on line 4.
    QCOMPARE(report.error().line, 4);
    QCOMPARE(report.error().column, 9);
    QVERIFY(report.error().toString().startsWith(path + QStringLiteral(":4:9: ")));
    QVERIFY(liteLlmPrices().isEmpty());

    // Columns count characters, not bytes.
    auto unicode = LiteLlmPriceImporter(*m_database)
                       .importJson(QByteArray("{\"é\u00e9\": 1,\n \"ü\": x}"), QStringLiteral("u.json"));
    QVERIFY(!unicode.ok());
    QCOMPARE(unicode.error().line, 2);
    QCOMPARE(unicode.error().column, 7);
}

void TestLiteLlmImport::topLevelMustBeAnObject()
{
    auto report = LiteLlmPriceImporter(*m_database).importJson(QByteArray("[1, 2]"), QStringLiteral("list.json"));
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::InvalidInput);
    QCOMPARE(report.error().line, 1);
    QVERIFY(report.error().message.contains(QStringLiteral("not a JSON object")));
}

void TestLiteLlmImport::missingFileIsAnIoError()
{
    const QString path = m_dir->filePath(QStringLiteral("nope.json"));
    auto report = LiteLlmPriceImporter(*m_database).importFile(path);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::Io);
    QCOMPARE(report.error().file, path);
}

void TestLiteLlmImport::importIsOneTransaction()
{
    // Make the database refuse one of the 21 prices: none of the others may stay.
    QSqlQuery query(m_database->connection());
    QVERIFY(query.exec(QStringLiteral("CREATE TRIGGER refuse_one BEFORE INSERT ON prices WHEN NEW.model_id = "
                                      "'llama3.2' AND NEW.source = 'litellm' BEGIN SELECT RAISE(ABORT, 'refused "
                                      "by test'); END")));
    query.finish();
    auto report =
        LiteLlmPriceImporter(*m_database).importFile(DataDir + QStringLiteral("/model_prices_and_context_window.json"));
    QVERIFY(!report.ok());
    QVERIFY2(report.error().message.contains(QStringLiteral("refused by test")), qPrintable(report.error().message));
    QVERIFY(liteLlmPrices().isEmpty());
}

void TestLiteLlmImport::providerKinds_data()
{
    QTest::addColumn<QString>("litellm");
    QTest::addColumn<QString>("kind");
    QTest::newRow("openai") << QStringLiteral("openai") << QStringLiteral("openai");
    QTest::newRow("azure") << QStringLiteral("azure") << QStringLiteral("azure_openai");
    QTest::newRow("anthropic") << QStringLiteral("anthropic") << QStringLiteral("anthropic");
    QTest::newRow("gemini") << QStringLiteral("gemini") << QStringLiteral("gemini");
    QTest::newRow("vertex") << QStringLiteral("vertex_ai-language-models") << QStringLiteral("gemini");
    QTest::newRow("bedrock") << QStringLiteral("bedrock") << QStringLiteral("bedrock");
    QTest::newRow("bedrock_converse") << QStringLiteral("bedrock_converse") << QStringLiteral("bedrock");
    QTest::newRow("groq") << QStringLiteral("groq") << QStringLiteral("groq");
    QTest::newRow("deepseek") << QStringLiteral("deepseek") << QStringLiteral("deepseek");
    QTest::newRow("openrouter") << QStringLiteral("openrouter") << QStringLiteral("openrouter");
    QTest::newRow("ollama") << QStringLiteral("ollama") << QStringLiteral("ollama");
    QTest::newRow("cohere_chat") << QStringLiteral("cohere_chat") << QStringLiteral("cohere");
    QTest::newRow("volcengine") << QStringLiteral("volcengine") << QStringLiteral("byteplus");
    QTest::newRow("mistral") << QStringLiteral("mistral") << QString();
}

void TestLiteLlmImport::providerKinds()
{
    QFETCH(QString, litellm);
    QFETCH(QString, kind);
    QCOMPARE(LiteLlmPriceImporter::providerKind(litellm).value_or(QString()), kind);
}

QTEST_GUILESS_MAIN(TestLiteLlmImport)
#include "tst_litellmimport.moc"
