#include "core/accounting/LiteLlmPriceImporter.h"

#include "core/store/Database.h"
#include "core/store/ProviderRepository.h"
#include "core/store/Transaction.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

namespace Switchyard {

namespace {

struct KindInfo {
    QString kind;
    bool preferred;  ///< the kind's own LiteLLM provider (wins over an alias such as vertex_ai for gemini)
};

const QHash<QString, KindInfo> &kindTable()
{
    static const QHash<QString, KindInfo> table = {
        {QStringLiteral("openai"), {QStringLiteral("openai"), true}},
        {QStringLiteral("text-completion-openai"), {QStringLiteral("openai"), false}},
        {QStringLiteral("azure"), {QStringLiteral("azure_openai"), true}},
        {QStringLiteral("azure_ai"), {QStringLiteral("azure_openai"), false}},
        {QStringLiteral("anthropic"), {QStringLiteral("anthropic"), true}},
        {QStringLiteral("gemini"), {QStringLiteral("gemini"), true}},
        {QStringLiteral("vertex_ai-language-models"), {QStringLiteral("gemini"), false}},
        {QStringLiteral("bedrock"), {QStringLiteral("bedrock"), true}},
        {QStringLiteral("bedrock_converse"), {QStringLiteral("bedrock"), true}},
        {QStringLiteral("groq"), {QStringLiteral("groq"), true}},
        {QStringLiteral("deepseek"), {QStringLiteral("deepseek"), true}},
        {QStringLiteral("openrouter"), {QStringLiteral("openrouter"), true}},
        {QStringLiteral("ollama"), {QStringLiteral("ollama"), true}},
        {QStringLiteral("ollama_chat"), {QStringLiteral("ollama"), true}},
        {QStringLiteral("cohere"), {QStringLiteral("cohere"), false}},
        {QStringLiteral("cohere_chat"), {QStringLiteral("cohere"), true}},
        {QStringLiteral("byteplus"), {QStringLiteral("byteplus"), true}},
        {QStringLiteral("volcengine"), {QStringLiteral("byteplus"), false}},
    };
    return table;
}

/// Key prefixes LiteLLM puts before a model id ("gemini/", "bedrock/", "vertex_ai/"...).
bool isKeyPrefix(const QString &segment)
{
    static const QSet<QString> extra = {QStringLiteral("vertex_ai"), QStringLiteral("bedrock_converse")};
    return kindTable().contains(segment) || extra.contains(segment);
}

bool looksLikeRegion(const QString &segment)
{
    static const QRegularExpression region(QStringLiteral("^[a-z]{2}(-gov)?-[a-z]+-[0-9]+$"));
    return region.match(segment).hasMatch();
}

/// 1-based line and column (in characters) of byte @p offset of @p text.
void lineColumnAt(const QByteArray &text, qsizetype offset, int *line, int *column)
{
    offset = qBound(qsizetype(0), offset, text.size());
    const qsizetype lineStart = offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    *line = 1 + int(QByteArrayView(text).first(offset).count('\n'));
    *column = 1 + int(QString::fromUtf8(text.constData() + lineStart, offset - lineStart).size());
}

enum class Field { Missing, Number, Invalid };

/// Reads an optional price field: missing and null are Missing; anything but a non-negative number is Invalid.
Field readPrice(const QJsonObject &entry, QLatin1String name, double *per1k)
{
    const QJsonValue value = entry.value(name);
    if (value.isUndefined() || value.isNull())
        return Field::Missing;
    if (!value.isDouble() || value.toDouble() < 0)
        return Field::Invalid;
    // Per token → per 1K tokens, trimmed to 15 significant digits so 1.5e-07 becomes the double nearest 0.00015.
    *per1k = QString::number(value.toDouble() * 1000.0, 'g', 15).toDouble();
    return Field::Number;
}

struct Candidate {
    QString entry;
    Price price;
    int rank = 0;
};

}  // namespace

LiteLlmPriceImporter::LiteLlmPriceImporter(Database &database) : m_database(database) {}

std::optional<QString> LiteLlmPriceImporter::providerKind(const QString &litellmProvider)
{
    const auto found = kindTable().constFind(litellmProvider);
    if (found == kindTable().constEnd())
        return std::nullopt;
    return found->kind;
}

Result<LiteLlmImportReport> LiteLlmPriceImporter::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Io,
                           QStringLiteral("Could not read the LiteLLM price file (%1); check the path and its "
                                          "permissions.")
                               .arg(file.errorString()),
                           path);
    }
    return importJson(file.readAll(), path);
}

Result<LiteLlmImportReport> LiteLlmPriceImporter::importJson(const QByteArray &json, const QString &fileName)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        int line = 0;
        int column = 0;
        // Qt's offset is sometimes at the offending character (an illegal value) and sometimes just past it (a
        // missing comma is noticed after reading the next quote); point at the character itself.
        qsizetype offset = qBound(0, parseError.offset, int(json.size()));
        if (offset > 0 && !QChar::isSpace(uchar(json.at(offset - 1))))
            --offset;
        lineColumnAt(json, offset, &line, &column);
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("This is not valid JSON (%1); LiteLLM price files are JSON objects, fix "
                                          "the file or download model_prices_and_context_window.json again.")
                               .arg(parseError.errorString()),
                           fileName, line, column);
    }
    if (!document.isObject()) {
        return Error::make(Error::Code::InvalidInput,
                           QStringLiteral("The file's top level is not a JSON object of model names; give LiteLLM's "
                                          "model_prices_and_context_window.json."),
                           fileName, 1, 1);
    }
    const QJsonObject root = document.object();

    Transaction tx(m_database.connection());
    if (!tx.isActive())
        return tx.error();
    ProviderRepository repository(m_database);
    auto config = repository.load();
    if (!config)
        return config.error();
    auto stored = repository.prices();
    if (!stored)
        return stored.error();

    // Workspace models by kind and model id → the providers (id, default region) that list them.
    struct Listing {
        QString providerId;
        QString region;
    };
    QHash<QString, QList<Listing>> listings;  // "kind\nmodel"
    for (const ProviderSpec &provider : std::as_const(config->providers)) {
        for (const ModelSpec &model : provider.models)
            listings[provider.kind + QLatin1Char('\n') + model.id].append(Listing{provider.id, provider.region});
    }

    LiteLlmImportReport report;
    report.entries = int(root.size());
    QHash<QString, Candidate> best;  // "provider\nmodel" → winning entry
    // QJsonObject keeps its keys sorted, so entries are handled (and reported) in key order.
    const QStringList keys = root.keys();

    for (const QString &key : std::as_const(keys)) {
        const auto skip = [&](const QString &reason) {
            report.skipped.append({key, reason});
        };
        if (key == QLatin1String("sample_spec")) {
            skip(QStringLiteral("LiteLLM's description of the fields, not a model."));
            continue;
        }
        const QJsonValue value = root.value(key);
        if (!value.isObject()) {
            skip(QStringLiteral("The entry is not a JSON object."));
            continue;
        }
        const QJsonObject entry = value.toObject();
        const QString mode = entry.value(QLatin1String("mode")).toString();
        if (!mode.isEmpty() && mode != QLatin1String("chat") && mode != QLatin1String("completion") &&
            mode != QLatin1String("responses")) {
            skip(QStringLiteral("Mode '%1' is not a chat model.").arg(mode));
            continue;
        }

        Price price;
        bool usable = true;
        struct PriceField {
            QLatin1String name;
            double *target;
            std::optional<double> *optionalTarget;
        };
        double cached = 0, cacheWrite = 0, reasoning = 0;
        const PriceField fields[] = {
            {QLatin1String("input_cost_per_token"), &price.inputPer1k, nullptr},
            {QLatin1String("output_cost_per_token"), &price.outputPer1k, nullptr},
            {QLatin1String("cache_read_input_token_cost"), &cached, &price.cachedInputPer1k},
            {QLatin1String("cache_creation_input_token_cost"), &cacheWrite, &price.cacheWritePer1k},
            {QLatin1String("output_cost_per_reasoning_token"), &reasoning, &price.reasoningPer1k},
        };
        for (const PriceField &field : fields) {
            const Field read = readPrice(entry, field.name, field.target);
            if (read == Field::Invalid) {
                skip(QStringLiteral("%1 is not a non-negative number.").arg(field.name));
                usable = false;
                break;
            }
            if (read == Field::Missing && !field.optionalTarget) {
                skip(QStringLiteral("It has no %1 (missing or null).").arg(field.name));
                usable = false;
                break;
            }
            if (read == Field::Number && field.optionalTarget)
                *field.optionalTarget = *field.target;
        }
        if (!usable)
            continue;

        // The LiteLLM provider, from the entry or else from the key's prefix.
        QStringList parts = key.split(QLatin1Char('/'));
        QString litellmProvider = entry.value(QLatin1String("litellm_provider")).toString();
        if (litellmProvider.isEmpty() && parts.size() > 1 && kindTable().contains(parts.first()))
            litellmProvider = parts.first();
        const auto kind = kindTable().constFind(litellmProvider);
        if (kind == kindTable().constEnd()) {
            report.unmatched.append(key);
            continue;
        }
        QString region;
        if (parts.size() > 1 && isKeyPrefix(parts.first())) {
            parts.removeFirst();
            if (kind->kind == QLatin1String("bedrock") && parts.size() > 1 && looksLikeRegion(parts.first()))
                region = parts.takeFirst();
        }
        const QString modelId = parts.join(QLatin1Char('/'));

        bool matchedAny = false;
        const QList<Listing> targets = listings.value(kind->kind + QLatin1Char('\n') + modelId);
        for (const Listing &target : targets) {
            if (!region.isEmpty() && region != target.region)
                continue;
            matchedAny = true;
            const int rank = (region.isEmpty() ? 0 : 2) + (kind->preferred ? 1 : 0);
            const QString pair = target.providerId + QLatin1Char('\n') + modelId;
            auto current = best.find(pair);
            if (current == best.end()) {
                best.insert(pair, Candidate{key, price, rank});
            } else if (rank > current->rank) {
                report.skipped.append(
                    {current->entry,
                     QStringLiteral("Superseded by '%1' for %2/%3.").arg(key, target.providerId, modelId)});
                *current = Candidate{key, price, rank};
            } else {
                skip(QStringLiteral("Superseded by '%1' for %2/%3.").arg(current->entry, target.providerId, modelId));
            }
        }
        if (!matchedAny)
            report.unmatched.append(key);
    }

    QHash<QString, Price> previous;
    for (const ProviderRepository::PriceRecord &record : std::as_const(*stored)) {
        if (record.source == ProviderRepository::PriceSource::LiteLlm)
            previous.insert(record.providerId + QLatin1Char('\n') + record.modelId, record.price);
    }
    for (const ProviderSpec &provider : std::as_const(config->providers)) {
        for (const ModelSpec &model : provider.models) {
            const QString pair = provider.id + QLatin1Char('\n') + model.id;
            const auto winner = best.constFind(pair);
            if (winner == best.constEnd())
                continue;
            SWITCHYARD_TRY(
                repository.upsertPrice(provider.id, model.id, winner->price, ProviderRepository::PriceSource::LiteLlm));
            report.matches.append({winner->entry, provider.id, model.id, winner->price});
            ++report.matched;
            const auto old = previous.constFind(pair);
            if (old == previous.constEnd() || *old != winner->price)
                ++report.updated;
        }
    }
    SWITCHYARD_TRY(tx.commit());
    return report;
}

}  // namespace Switchyard
