// Child process for tst_usagerecorder's kill test: records calls into the workspace given as argv[1] until it is
// killed. Each call's user_ref is "seq=N attempts=K" so the test can check that every stored call is complete.

#include "core/accounting/UsageRecorder.h"
#include "core/store/Database.h"

#include <QCoreApplication>
#include <cstdio>

using namespace Switchyard;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s WORKSPACE.db\n", argv[0]);
        return 2;
    }
    Database database;
    if (auto opened = database.open(QString::fromLocal8Bit(argv[1])); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }
    UsageRecorder recorder(database, UsageRecorder::Options{64, 5});
    for (qint64 seq = 0;; ++seq) {
        CallRecord call;
        const int attempts = 1 + int(seq % 3);
        call.userRef = QStringLiteral("seq=%1 attempts=%2").arg(seq).arg(attempts);
        call.requestedProvider = QStringLiteral("gemini");
        call.requestedModel = QStringLiteral("gemini-2.5-pro");
        call.servedProvider = QStringLiteral("gemini");
        call.servedModel = QStringLiteral("gemini-2.0-flash");
        call.usage = Usage{1000, 0, 0, 200, 0};
        for (int a = 0; a < attempts; ++a) {
            AttemptRecord attempt;
            attempt.hopIndex = a;
            attempt.provider = QStringLiteral("gemini");
            attempt.model = a + 1 == attempts ? QStringLiteral("gemini-2.0-flash") : QStringLiteral("gemini-2.5-pro");
            attempt.outcome = a + 1 == attempts ? AttemptRecord::Outcome::Succeeded : AttemptRecord::Outcome::Failed;
            attempt.httpStatus = a + 1 == attempts ? 200 : 503;
            call.attempts.append(attempt);
        }
        recorder.record(std::move(call));
        if (seq % 1000 == 999) {
            if (auto flushed = recorder.flush(); !flushed) {
                std::fprintf(stderr, "%s\n", qPrintable(flushed.error().toString()));
                return 1;
            }
            std::printf("flushed %lld\n", seq + 1);
            std::fflush(stdout);
        }
    }
}
