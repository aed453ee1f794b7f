#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace Switchyard {

/// What went wrong, where, and (in the message) what the user can do about it.
/// Core code returns these instead of throwing: no exception crosses a module boundary.
struct Error {
    enum class Code {
        InvalidInput,  ///< the user's input is wrong (bad YAML, bad template, bad flag)
        NotFound,      ///< a named thing does not exist
        Conflict,      ///< would break a uniqueness rule (duplicate slug, second active config)
        Io,            ///< a file could not be read or written
        Database,      ///< the database refused an operation
        Unsupported,   ///< a newer or foreign format
        Internal,      ///< a bug: should never reach a user
    };

    Code code = Code::Internal;
    QString message;  ///< complete sentence: what is wrong and what to do
    QString file;     ///< optional: the file the error is in
    int line = 0;     ///< 1-based, 0 when unknown
    int column = 0;   ///< 1-based, 0 when unknown

    static Error make(Code code, QString message, QString file = {}, int line = 0, int column = 0)
    {
        return Error{code, std::move(message), std::move(file), line, column};
    }

    /// "file:line:column: message" with the parts that are known.
    QString toString() const
    {
        QString where = file;
        if (line > 0) {
            where += (where.isEmpty() ? QString() : QStringLiteral(":")) + QString::number(line);
            if (column > 0)
                where += QStringLiteral(":") + QString::number(column);
        }
        return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }
};

/// A value or an Error (std::expected is C++23; this is the subset we need).
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

}  // namespace Switchyard

/// Returns the Error of a failed Result expression from the enclosing function (which must return a Result).
#define SWITCHYARD_TRY(expr)                                                                                           \
    do {                                                                                                               \
        if (auto switchyardResult_ = (expr); !switchyardResult_)                                                       \
            return switchyardResult_.error();                                                                          \
    } while (false)
