#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QUrl>
#include <utility>

namespace Switchyard::Wire {

/// The parts of an HTTP request that SigV4 signs.
struct SigV4Request {
    using Pair = std::pair<QByteArray, QByteArray>;

    QByteArray method = "GET";
    /// The path exactly as it goes on the wire, percent-encoded: a Bedrock model id "deepseek.r1-v1:0" appears as
    /// "/model/deepseek.r1-v1%3A0/converse". Build it with SigV4Signer::uriEncode() for each raw segment.
    QByteArray path = "/";
    /// Query parameters, decoded (the signer encodes them), in any order; names may repeat.
    QList<Pair> query;
    /// Headers in the order they will be sent; names may repeat (their values are joined with ',' when signed).
    /// Must include Host. Every header listed is signed, so leave out ones a proxy may change.
    QList<Pair> headers;
    QByteArray body;

    /// A request for @p url: path as the URL holds it encoded, query split into decoded pairs, and a Host header
    /// (with the port when it is not the scheme's default). Build @p url with QUrl::fromEncoded() from the encoded
    /// path, so "%3A" stays encoded instead of being normalised to ':'.
    static SigV4Request fromUrl(QByteArray method, const QUrl &url, QByteArray body = {});

    /// A request for an HTTP request target @p target ("/path?a=b&c", the path percent-encoded as on the wire).
    /// No headers are added.
    static SigV4Request fromTarget(QByteArray method, QByteArrayView target, QByteArray body = {});
};

}  // namespace Switchyard::Wire
