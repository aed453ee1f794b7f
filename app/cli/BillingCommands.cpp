#include "BillingCommands.h"

#include "CliContext.h"
#include "core/model/Money.h"
#include "core/store/BudgetRepository.h"
#include "core/store/WalletRepository.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace Switchyard {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BillingCommands", text);
}

/// A positive amount of US dollars from the command line ("5", "0.25").
Result<qint64> parseUsd(const QString &text, const QString &what)
{
    bool ok = false;
    const double usd = text.toDouble(&ok);
    if (!ok || !(usd > 0) || usd > 1e9)
        return Error::make(
            Error::Code::InvalidInput,
            tr("%1 must be a positive amount of US dollars such as 5 or 0.25, got '%2'").arg(what, text));
    return MicroUsd::fromUsd(usd);
}

QJsonObject walletJson(const Wallet &wallet)
{
    return QJsonObject{{QStringLiteral("user"), wallet.userRef},
                       {QStringLiteral("balance_usd"), MicroUsd::toUsd(wallet.balanceMicroUsd)}};
}

class WalletTopUpCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("wallet topup"); }
    QString arguments() const override { return QStringLiteral("USER AMOUNT_USD"); }
    QString summary() const override { return tr("Add money to a user's wallet (created on first top-up)."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("note"), tr("Why, for the transaction list."), QStringLiteral("TEXT")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 2)
            return context.failUsage(tr("wallet topup takes USER and AMOUNT_USD; see --help"));
        auto amount = parseUsd(args.at(1), QStringLiteral("AMOUNT_USD"));
        if (!amount)
            return context.fail(amount.error());
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto wallet = WalletRepository(**database).topUp(args.at(0), *amount, parser.value(QStringLiteral("note")));
        if (!wallet)
            return context.fail(wallet.error());
        context.printJson(walletJson(*wallet));
        return ExitOk;
    }
};

class WalletShowCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("wallet show"); }
    QString arguments() const override { return QStringLiteral("USER"); }
    QString summary() const override { return tr("A user's balance and every transaction, oldest first."); }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        const QStringList args = parser.positionalArguments();
        if (args.size() != 1)
            return context.failUsage(tr("wallet show takes one USER; see --help"));
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        WalletRepository wallets(**database);
        auto wallet = wallets.byUser(args.first());
        if (!wallet)
            return context.fail(wallet.error());
        auto transactions = wallets.transactions(args.first());
        if (!transactions)
            return context.fail(transactions.error());
        QJsonArray rows;
        for (const WalletTransaction &t : *transactions) {
            QJsonObject row{{QStringLiteral("kind"), WalletTransaction::kindName(t.kind)},
                            {QStringLiteral("amount_usd"), MicroUsd::toUsd(t.amountMicroUsd)},
                            {QStringLiteral("at"), t.created.toUTC().toString(Qt::ISODateWithMs)}};
            if (t.callId)
                row.insert(QStringLiteral("call_id"), *t.callId);
            if (t.sessionId)
                row.insert(QStringLiteral("session_id"), *t.sessionId);
            if (!t.note.isEmpty())
                row.insert(QStringLiteral("note"), t.note);
            rows.append(row);
        }
        QJsonObject json = walletJson(*wallet);
        json.insert(QStringLiteral("transactions"), rows);
        context.printJson(json);
        return ExitOk;
    }
};

QJsonObject budgetJson(const Budget &budget)
{
    QJsonObject json{{QStringLiteral("scope"), Budget::scopeName(budget.scope)},
                     {QStringLiteral("ref"), budget.scopeRef},
                     {QStringLiteral("period"), QStringLiteral("daily")}};
    if (budget.maxTokens)
        json.insert(QStringLiteral("max_tokens"), *budget.maxTokens);
    if (budget.maxCostUsd)
        json.insert(QStringLiteral("max_cost_usd"), *budget.maxCostUsd);
    return json;
}

class BudgetsSetCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("budgets set"); }
    QString summary() const override
    {
        return tr("Set a bot's daily token and/or cost budget; a call that would pass it is refused before any "
                  "provider is called. The day runs midnight to midnight UTC.");
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("bot"), tr("The bot's slug."), QStringLiteral("SLUG")});
        parser.addOption(
            {QStringLiteral("max-tokens"), tr("Tokens per day, every kind counted."), QStringLiteral("N")});
        parser.addOption({QStringLiteral("max-cost-usd"), tr("US dollars per day."), QStringLiteral("USD")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        if (!parser.isSet(QStringLiteral("bot")))
            return context.failUsage(tr("budgets set needs --bot SLUG"));
        if (!parser.isSet(QStringLiteral("max-tokens")) && !parser.isSet(QStringLiteral("max-cost-usd")))
            return context.failUsage(tr("give --max-tokens, --max-cost-usd or both"));
        Budget budget;
        budget.scope = Budget::Scope::Bot;
        budget.scopeRef = parser.value(QStringLiteral("bot"));
        if (parser.isSet(QStringLiteral("max-tokens"))) {
            bool ok = false;
            const qint64 tokens = parser.value(QStringLiteral("max-tokens")).toLongLong(&ok);
            if (!ok || tokens <= 0)
                return context.failUsage(tr("--max-tokens must be a positive whole number"));
            budget.maxTokens = tokens;
        }
        if (parser.isSet(QStringLiteral("max-cost-usd"))) {
            auto cost = parseUsd(parser.value(QStringLiteral("max-cost-usd")), QStringLiteral("--max-cost-usd"));
            if (!cost)
                return context.fail(cost.error());
            budget.maxCostUsd = MicroUsd::toUsd(*cost);
        }
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto stored = BudgetRepository(**database).set(budget);
        if (!stored)
            return context.fail(stored.error());
        context.printJson(budgetJson(*stored));
        return ExitOk;
    }
};

class BudgetsListCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("budgets list"); }
    QString summary() const override { return tr("Every daily budget of the workspace."); }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto budgets = BudgetRepository(**database).list();
        if (!budgets)
            return context.fail(budgets.error());
        QJsonArray rows;
        for (const Budget &budget : *budgets)
            rows.append(budgetJson(budget));
        context.printJson(rows);
        return ExitOk;
    }
};

class BudgetsRemoveCommand final : public CliCommand {
public:
    QString name() const override { return QStringLiteral("budgets remove"); }
    QString summary() const override { return tr("Remove a bot's daily budget."); }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addOption({QStringLiteral("bot"), tr("The bot's slug."), QStringLiteral("SLUG")});
    }
    int run(const QCommandLineParser &parser, CliContext &context) const override
    {
        if (!parser.isSet(QStringLiteral("bot")))
            return context.failUsage(tr("budgets remove needs --bot SLUG"));
        auto database = context.database(parser);
        if (!database)
            return context.fail(database.error());
        auto removed = BudgetRepository(**database).remove(Budget::Scope::Bot, parser.value(QStringLiteral("bot")));
        if (!removed)
            return context.fail(removed.error());
        if (!*removed)
            return context.fail(
                Error::make(Error::Code::NotFound,
                            tr("bot '%1' has no budget to remove").arg(parser.value(QStringLiteral("bot")))));
        context.printJson(QJsonObject{{QStringLiteral("removed"), parser.value(QStringLiteral("bot"))}});
        return ExitOk;
    }
};

}  // namespace

void addBillingCommands(CliCommandList &commands)
{
    commands.push_back(std::make_unique<WalletTopUpCommand>());
    commands.push_back(std::make_unique<WalletShowCommand>());
    commands.push_back(std::make_unique<BudgetsSetCommand>());
    commands.push_back(std::make_unique<BudgetsListCommand>());
    commands.push_back(std::make_unique<BudgetsRemoveCommand>());
}

}  // namespace Switchyard
