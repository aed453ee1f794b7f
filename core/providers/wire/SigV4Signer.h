#pragma once

#include "core/common/Result.h"
#include "core/providers/wire/SigV4Credentials.h"
#include "core/providers/wire/SigV4Request.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Switchyard::Wire {

/// AWS Signature Version 4 (AWS4-HMAC-SHA256), in the Authorization header or as a presigned query string.
///
/// Follows the published algorithm and passes AWS's SigV4 test suite (tests/core/wire/tst_sigv4signer.cpp):
/// canonical URI with dot segments and repeated slashes removed (Options::normalizePath) and each segment URI-encoded
/// once more (Options::doubleEncodePath: a wire path "deepseek.r1-v1%3A0" is signed as "deepseek.r1-v1%253A0", the
/// rule every service but S3 uses); query parameters encoded with the RFC 3986 unreserved set and sorted by name, then
/// value; header names lower-cased and sorted, values trimmed with inner runs of whitespace folded to one space,
/// repeated headers joined with ','; the payload hash is the hex SHA-256 of the body.
///
/// Bedrock Runtime signs with service "bedrock" (not "bedrock-runtime") and the default options.
class SigV4Signer {
public:
    using Pair = SigV4Request::Pair;

    enum class Placement {
        Headers,  ///< Authorization header (plus X-Amz-Date and, for temporary credentials, X-Amz-Security-Token)
        Query,    ///< presigned URL: X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders, -Signature
    };

    struct Options {
        bool normalizePath = true;      ///< false for S3
        bool doubleEncodePath = true;   ///< false for S3 (its paths are signed as sent)
        bool signBody = false;          ///< add and sign x-amz-content-sha256 (Placement::Headers only)
        bool omitSessionToken = false;  ///< send the session token without signing it (services that require this)
        Placement placement = Placement::Headers;
        int expiresSeconds = 3600;  ///< Placement::Query: how long the presigned URL stays valid
    };

    /// Everything signing produced. The intermediate strings are kept for diagnostics: when AWS answers
    /// SignatureDoesNotMatch, its error message contains the canonical request it computed; compare with ours.
    struct Signature {
        QByteArray canonicalRequest;
        QByteArray stringToSign;
        QByteArray signature;        ///< lower-case hex HMAC-SHA256
        QByteArray authorization;    ///< Placement::Headers: the Authorization header value; empty otherwise
        QByteArray amzDate;          ///< YYYYMMDDTHHMMSSZ
        QByteArray credentialScope;  ///< date/region/service/aws4_request
        QByteArray signedHeaders;    ///< lower-case names joined with ';'
        QByteArray payloadHash;      ///< hex SHA-256 of the body
        /// Placement::Headers: headers to add to the request, in this order (X-Amz-Date, X-Amz-Security-Token,
        /// x-amz-content-sha256, Authorization, as applicable).
        QList<Pair> headers;
        /// Placement::Query: query parameters to add (decoded values; encode them like any other parameter).
        QList<Pair> query;
    };

    /// A signer with the default Options (Authorization header, normalised and double-encoded path).
    SigV4Signer(SigV4Credentials credentials, QString region, QString service);
    SigV4Signer(SigV4Credentials credentials, QString region, QString service, Options options);

    /// Signs @p request as of @p time (converted to UTC). Headers and query parameters the signer sets itself
    /// (Authorization, X-Amz-Date, X-Amz-Security-Token, x-amz-content-sha256; X-Amz-* query parameters) are dropped
    /// from @p request first. Fails with Error::Code::InvalidInput when credentials, region or service are empty, the
    /// time is invalid, the method is empty or the request has no Host header.
    Result<Signature> sign(const SigV4Request &request, const QDateTime &time) const;

    const Options &options() const { return m_options; }

    /// RFC 3986 percent-encoding for SigV4: keeps A-Z a-z 0-9 - _ . ~ (and '/' unless @p encodeSlash), writes every
    /// other byte as %XX with upper-case hex. uriEncode("deepseek.r1-v1:0", true) == "deepseek.r1-v1%3A0".
    static QByteArray uriEncode(QByteArrayView bytes, bool encodeSlash = true);

    /// The canonical URI for a wire @p path (see Options).
    static QByteArray canonicalUri(QByteArrayView path, bool normalize, bool doubleEncode);

    /// The canonical query string for decoded @p parameters.
    static QByteArray canonicalQuery(const QList<Pair> &parameters);

    /// The canonical form of a header value: trimmed, inner whitespace runs folded to one space.
    static QByteArray canonicalHeaderValue(QByteArrayView value);

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    static QByteArray signingKey(QByteArrayView secretAccessKey, QByteArrayView date, QByteArrayView region,
                                 QByteArrayView service);

private:
    SigV4Credentials m_credentials;
    QByteArray m_region;
    QByteArray m_service;
    Options m_options;
};

}  // namespace Switchyard::Wire
