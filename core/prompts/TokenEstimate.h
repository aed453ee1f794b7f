#pragma once

#include <QStringView>
#include <QtGlobal>

namespace Switchyard {

/**
 * The one rough token count Switchyard uses where no tokenizer is at hand: rate-limit reservations and context-window
 * checks in routing, simulated usage, and the studio's prompt preview.
 *
 * A token is taken to be about four characters (UTF-16 code units) of English text, rounded up so that any non-empty
 * text counts at least one token. Real tokenizers differ by model; callers use this for budgets and estimates only,
 * never for billing.
 */
class TokenEstimate {
public:
    /// Characters per token assumed by the estimate.
    static constexpr int CharactersPerToken = 4;

    /// Tokens for @p characters characters of text: ceil(characters / 4); 0 for 0 or fewer.
    static qint64 forCharacters(qint64 characters)
    {
        return characters <= 0 ? 0 : (characters + CharactersPerToken - 1) / CharactersPerToken;
    }

    /// Tokens for @p text (forCharacters() of its length).
    static qint64 forText(QStringView text) { return forCharacters(text.size()); }
};

}  // namespace Switchyard
