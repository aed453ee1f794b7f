#include "core/providers/wire/SigV4Request.h"

namespace Switchyard::Wire {

namespace {

QList<SigV4Request::Pair> parseQuery(QByteArrayView query)
{
    QList<SigV4Request::Pair> pairs;
    for (QByteArrayView part : query.toByteArray().split('&')) {
        if (part.isEmpty())
            continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArrayView name = eq < 0 ? part : part.first(eq);
        const QByteArrayView value = eq < 0 ? QByteArrayView() : part.sliced(eq + 1);
        // '+' is kept as a literal plus: AWS does not treat it as an encoded space.
        pairs.append({QByteArray::fromPercentEncoding(name.toByteArray()),
                      QByteArray::fromPercentEncoding(value.toByteArray())});
    }
    return pairs;
}

}  // namespace

SigV4Request SigV4Request::fromTarget(QByteArray method, QByteArrayView target, QByteArray body)
{
    SigV4Request request;
    request.method = std::move(method);
    request.body = std::move(body);
    const qsizetype question = target.indexOf('?');
    const QByteArrayView path = question < 0 ? target : target.first(question);
    request.path = path.isEmpty() ? QByteArray("/") : path.toByteArray();
    if (question >= 0)
        request.query = parseQuery(target.sliced(question + 1));
    return request;
}

SigV4Request SigV4Request::fromUrl(QByteArray method, const QUrl &url, QByteArray body)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    SigV4Request request = fromTarget(std::move(method), target, std::move(body));

    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    const int port = url.port();
    const QString scheme = url.scheme().toLower();
    const int defaultPort = scheme == QLatin1String("https") ? 443 : scheme == QLatin1String("http") ? 80 : -1;
    if (port != -1 && port != defaultPort)
        host += ':' + QByteArray::number(port);
    request.headers.append({QByteArrayLiteral("Host"), host});
    return request;
}

}  // namespace Switchyard::Wire
