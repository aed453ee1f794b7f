#include "core/store/UnusedPromptTexts.h"

#include "core/store/SqlSupport.h"

namespace Switchyard {

Result<qint64> UnusedPromptTexts::remove(const QSqlDatabase &db)
{
    // call_prompts.messages is a JSON array of {"role", "hash"} (see SentPromptStore). A row that is not valid JSON
    // can not be read back anyway; it must not stop the cleanup. NOT IN over a list that held a NULL would match
    // nothing, hence the IS NOT NULL filters.
    auto removed =
        SqlSupport::run(db,
                        QStringLiteral("DELETE FROM prompt_texts WHERE hash NOT IN ("
                                       "SELECT system_hash FROM call_prompts WHERE system_hash IS NOT NULL "
                                       "UNION ALL "
                                       "SELECT json_extract(m.value, '$.hash') FROM call_prompts p, "
                                       "json_each(CASE WHEN json_valid(p.messages) THEN p.messages ELSE '[]' END) m "
                                       "WHERE json_extract(m.value, '$.hash') IS NOT NULL)"),
                        {}, QStringLiteral("remove the prompt texts of deleted calls"));
    if (!removed)
        return removed.error();
    return qint64(removed->numRowsAffected());
}

}  // namespace Switchyard
