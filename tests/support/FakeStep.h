#pragma once

#include <QByteArray>
#include <utility>

namespace Switchyard::Testing {

/// One step of a scripted response body.
struct FakeStep {
    enum class Kind {
        Write,  ///< write bytes (one HTTP chunk when the response is chunked)
        Wait,   ///< pause before the next step
        Stall,  ///< stop here and keep the connection open, silent, until the server is destroyed
        Close,  ///< close the connection now, without any terminating chunk
        Reset,  ///< reset the connection now (TCP RST)
    };

    Kind kind = Kind::Write;
    QByteArray bytes;
    int ms = 0;

    static FakeStep write(QByteArray bytes) { return FakeStep{Kind::Write, std::move(bytes), 0}; }
    static FakeStep wait(int ms) { return FakeStep{Kind::Wait, {}, ms}; }
    static FakeStep stall() { return FakeStep{Kind::Stall, {}, 0}; }
    static FakeStep close() { return FakeStep{Kind::Close, {}, 0}; }
    static FakeStep reset() { return FakeStep{Kind::Reset, {}, 0}; }
};

}  // namespace Switchyard::Testing
