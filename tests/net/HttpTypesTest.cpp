#include "core/net/HttpTypes.h"
#include "QtPrinters.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace syncdesk;
using namespace Qt::Literals::StringLiterals;

TEST(HttpHeaders, CaseInsensitiveAndOrdered) {
    HttpHeaders h;
    h.add("Accept", "a");
    h.add("X-Multi", "1");
    h.add("x-multi", "2");
    EXPECT_TRUE(h.contains("ACCEPT"));
    EXPECT_EQ(h.value("x-MULTI"), "1");
    EXPECT_EQ(h.values("X-Multi"), (QList<QByteArray>{"1", "2"}));
    h.set("X-MULTI", "3");
    EXPECT_EQ(h.values("x-multi"), QList<QByteArray>{"3"});
    EXPECT_EQ(h.fields().first().first, "Accept");
    h.remove("accept");
    EXPECT_FALSE(h.contains("Accept"));
    EXPECT_EQ(h.value("missing", "default"), "default");
}

TEST(HttpRequest, Builders) {
    HttpRequest r = HttpRequest::patch(QUrl(u"https://x.test/a"_s));
    r.setJson(QJsonObject{{u"a"_s, 1}}).setIdempotent().setTimeoutMs(5000).setEndpointClass(u"search"_s);
    EXPECT_EQ(httpMethodName(r.method), "PATCH");
    EXPECT_EQ(r.body, R"({"a":1})");
    EXPECT_EQ(r.contentType, "application/json");
    EXPECT_TRUE(r.idempotent);
    EXPECT_EQ(r.timeoutMs, 5000);
    EXPECT_EQ(r.endpointClass, u"search"_s);
    EXPECT_FALSE(HttpRequest::post(QUrl()).idempotent); // opt-in
    EXPECT_FALSE(HttpRequest::get(QUrl()).idempotent);

    r.setJson(QJsonArray{1, 2});
    EXPECT_EQ(r.body, "[1,2]");
    r.setForm({{u"a b"_s, u"x+y&z=é"_s}});
    EXPECT_EQ(r.body, "a%20b=x%2By%26z%3D%C3%A9");
    r.setBearerToken(u"tkn"_s);
    EXPECT_EQ(r.headers.value("authorization"), "Bearer tkn");
}

TEST(HttpResponse, Helpers) {
    HttpResponse r;
    EXPECT_FALSE(r.hasResponse());
    r.status = 204;
    EXPECT_TRUE(r.isSuccess());
    r.networkError = NetworkErrorKind::RemoteClosed;
    EXPECT_FALSE(r.isSuccess());
    r.body = "{oops";
    QString error;
    EXPECT_TRUE(r.json(&error).isNull());
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(httpOutcomeName(HttpOutcome::ResponseLost), u"response_lost"_s);
    EXPECT_EQ(responseClassName(ResponseClass::LimitReached), u"limit_reached"_s);
    EXPECT_EQ(networkErrorKindName(NetworkErrorKind::ConnectionRefused), u"connection_refused"_s);
}
