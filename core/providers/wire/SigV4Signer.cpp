#include "core/providers/wire/SigV4Signer.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>
#include <utility>

namespace Switchyard::Wire {

namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");

QByteArray sha256Hex(QByteArrayView data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmac(QByteArrayView key, QByteArrayView message)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, key.toByteArray());
    code.addData(message.data(), message.size());
    return code.result();
}

bool isUnreserved(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// RFC 3986 section 5.2.4 remove_dot_segments, plus empty segments ("//") dropped, as AWS normalises.
QByteArray normalizePath(QByteArrayView path)
{
    QList<QByteArrayView> segments;
    bool trailingSlash = path.endsWith('/');
    qsizetype start = 0;
    while (start <= path.size()) {
        qsizetype slash = path.indexOf('/', start);
        if (slash < 0)
            slash = path.size();
        const QByteArrayView segment = path.sliced(start, slash - start);
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            trailingSlash = slash == path.size() ? true : trailingSlash;
        } else if (segment == ".") {
            trailingSlash = slash == path.size() ? true : trailingSlash;
        } else if (!segment.isEmpty()) {
            segments.append(segment);
        }
        start = slash + 1;
    }
    QByteArray out;
    for (QByteArrayView segment : std::as_const(segments)) {
        out += '/';
        out.append(segment.data(), segment.size());
    }
    if (out.isEmpty() || trailingSlash)
        out += '/';
    return out;
}

}  // namespace

SigV4Signer::SigV4Signer(SigV4Credentials credentials, QString region, QString service)
    : SigV4Signer(std::move(credentials), std::move(region), std::move(service), Options())
{
}

SigV4Signer::SigV4Signer(SigV4Credentials credentials, QString region, QString service, Options options)
    : m_credentials(std::move(credentials)), m_region(region.toUtf8()), m_service(service.toUtf8()), m_options(options)
{
}

QByteArray SigV4Signer::uriEncode(QByteArrayView bytes, bool encodeSlash)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (char ch : bytes) {
        const auto c = uchar(ch);
        if (isUnreserved(c) || (c == '/' && !encodeSlash)) {
            out += char(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

QByteArray SigV4Signer::canonicalUri(QByteArrayView path, bool normalize, bool doubleEncode)
{
    QByteArray uri = normalize ? normalizePath(path) : (path.isEmpty() ? QByteArray("/") : path.toByteArray());
    return doubleEncode ? uriEncode(uri, false) : uri;
}

QByteArray SigV4Signer::canonicalQuery(const QList<Pair> &parameters)
{
    QList<Pair> encoded;
    encoded.reserve(parameters.size());
    for (const Pair &parameter : parameters)
        encoded.append({uriEncode(parameter.first), uriEncode(parameter.second)});
    std::sort(encoded.begin(), encoded.end());
    QByteArray out;
    for (const Pair &parameter : std::as_const(encoded)) {
        if (!out.isEmpty())
            out += '&';
        out += parameter.first + '=' + parameter.second;
    }
    return out;
}

QByteArray SigV4Signer::canonicalHeaderValue(QByteArrayView value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (char c : value) {
        if (isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out += ' ';
            pendingSpace = false;
        }
        out += c;
    }
    return out;
}

QByteArray SigV4Signer::signingKey(QByteArrayView secretAccessKey, QByteArrayView date, QByteArrayView region,
                                   QByteArrayView service)
{
    const QByteArray kSecret = "AWS4" + secretAccessKey.toByteArray();
    const QByteArray kDate = hmac(kSecret, date);
    const QByteArray kRegion = hmac(kDate, region);
    const QByteArray kService = hmac(kRegion, service);
    return hmac(kService, "aws4_request");
}

Result<SigV4Signer::Signature> SigV4Signer::sign(const SigV4Request &request, const QDateTime &time) const
{
    const auto invalid = [](const QString &message) {
        return Error::make(Error::Code::InvalidInput, QStringLiteral("Cannot sign the AWS request: %1.").arg(message));
    };
    if (m_credentials.accessKeyId.isEmpty() || m_credentials.secretAccessKey.isEmpty())
        return invalid(QStringLiteral("the access key id or secret access key is empty; set both in the provider's "
                                      "credentials"));
    if (m_region.isEmpty() || m_service.isEmpty())
        return invalid(QStringLiteral("the region or service name is empty; set the provider's region"));
    if (!time.isValid())
        return invalid(QStringLiteral("the signing time is invalid"));
    if (request.method.isEmpty())
        return invalid(QStringLiteral("the HTTP method is empty"));

    const bool inHeaders = m_options.placement == Placement::Headers;
    const QByteArray token = m_credentials.sessionToken.toUtf8();
    const bool signToken = !token.isEmpty() && !m_options.omitSessionToken;

    Signature result;
    result.amzDate = time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
    const QByteArray date = result.amzDate.left(8);
    result.credentialScope = date + '/' + m_region + '/' + m_service + "/aws4_request";
    result.payloadHash = sha256Hex(request.body);

    // Lower-cased names with canonical values, minus the headers this signer owns.
    QList<Pair> headers;
    bool hasHost = false;
    for (const Pair &header : request.headers) {
        const QByteArray name = header.first.trimmed().toLower();
        if (name == "authorization" || name == "x-amz-date" || name == "x-amz-security-token" ||
            name == "x-amz-content-sha256")
            continue;
        hasHost = hasHost || name == "host";
        headers.append({name, canonicalHeaderValue(header.second)});
    }
    if (!hasHost)
        return invalid(QStringLiteral("the request has no Host header, which SigV4 must sign; build the request with "
                                      "SigV4Request::fromUrl()"));
    if (inHeaders) {
        headers.append({QByteArrayLiteral("x-amz-date"), result.amzDate});
        if (signToken)
            headers.append({QByteArrayLiteral("x-amz-security-token"), token});
        if (m_options.signBody)
            headers.append({QByteArrayLiteral("x-amz-content-sha256"), result.payloadHash});
    }
    std::stable_sort(headers.begin(), headers.end(), [](const Pair &a, const Pair &b) { return a.first < b.first; });
    QByteArray canonicalHeaders;
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const bool continues = i > 0 && headers.at(i - 1).first == headers.at(i).first;
        if (continues) {
            canonicalHeaders.chop(1);  // the '\n' of the previous line with this name
            canonicalHeaders += ',' + headers.at(i).second + '\n';
        } else {
            if (!result.signedHeaders.isEmpty())
                result.signedHeaders += ';';
            result.signedHeaders += headers.at(i).first;
            canonicalHeaders += headers.at(i).first + ':' + headers.at(i).second + '\n';
        }
    }

    QList<Pair> query;
    for (const Pair &parameter : request.query) {
        if (!inHeaders && parameter.first.startsWith("X-Amz-"))
            continue;
        query.append(parameter);
    }
    const QByteArray credential = m_credentials.accessKeyId.toUtf8() + '/' + result.credentialScope;
    if (!inHeaders) {
        result.query = {{QByteArrayLiteral("X-Amz-Algorithm"), kAlgorithm},
                        {QByteArrayLiteral("X-Amz-Credential"), credential},
                        {QByteArrayLiteral("X-Amz-Date"), result.amzDate},
                        {QByteArrayLiteral("X-Amz-Expires"), QByteArray::number(m_options.expiresSeconds)}};
        if (signToken)
            result.query.append({QByteArrayLiteral("X-Amz-Security-Token"), token});
        result.query.append({QByteArrayLiteral("X-Amz-SignedHeaders"), result.signedHeaders});
        query += result.query;
    }

    result.canonicalRequest =
        request.method + '\n' + canonicalUri(request.path, m_options.normalizePath, m_options.doubleEncodePath) + '\n' +
        canonicalQuery(query) + '\n' + canonicalHeaders + '\n' + result.signedHeaders + '\n' + result.payloadHash;
    result.stringToSign =
        kAlgorithm + '\n' + result.amzDate + '\n' + result.credentialScope + '\n' + sha256Hex(result.canonicalRequest);
    const QByteArray key = signingKey(m_credentials.secretAccessKey.toUtf8(), date, m_region, m_service);
    result.signature = hmac(key, result.stringToSign).toHex();

    if (inHeaders) {
        result.authorization = kAlgorithm + " Credential=" + credential + ", SignedHeaders=" + result.signedHeaders +
                               ", Signature=" + result.signature;
        result.headers.append({QByteArrayLiteral("X-Amz-Date"), result.amzDate});
        if (!token.isEmpty())
            result.headers.append({QByteArrayLiteral("X-Amz-Security-Token"), token});
        if (m_options.signBody)
            result.headers.append({QByteArrayLiteral("x-amz-content-sha256"), result.payloadHash});
        result.headers.append({QByteArrayLiteral("Authorization"), result.authorization});
    } else {
        result.query.append({QByteArrayLiteral("X-Amz-Signature"), result.signature});
        if (!token.isEmpty() && !signToken)
            result.query.append({QByteArrayLiteral("X-Amz-Security-Token"), token});
    }
    return result;
}

}  // namespace Switchyard::Wire
