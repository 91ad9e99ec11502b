#include "SecretStoreContract.h"

#include "core/auth/InMemorySecretStore.h"
#include "core/auth/RedactingSecretStore.h"
#include "core/net/Redactor.h"

using namespace syncdesk;
using namespace syncdesk::test;

namespace {
struct InMemoryFactory {
    static std::unique_ptr<SecretStore> make() { return std::make_unique<InMemorySecretStore>(); }
};
} // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(InMemory, SecretStoreContract, InMemoryFactory);

TEST(InMemorySecretStore, ConnectionKeyNamesTheConnection) {
    EXPECT_EQ(SecretStore::connectionKey(QStringLiteral("42")), QStringLiteral("connection/42"));
}

TEST(InMemorySecretStore, CanBeToldToFail) {
    InMemorySecretStore store;
    ASSERT_TRUE(store.write(QStringLiteral("k"), QStringLiteral("value1")).ok());
    store.setFailure(SecretStatus::AccessDenied, QStringLiteral("locked"));
    const SecretResult r = store.read(QStringLiteral("k"));
    EXPECT_EQ(r.status, SecretStatus::AccessDenied);
    EXPECT_EQ(r.errorText, QStringLiteral("locked"));
    EXPECT_EQ(store.write(QStringLiteral("k"), QStringLiteral("v")).status, SecretStatus::AccessDenied);
    store.setFailure(SecretStatus::Ok);
    EXPECT_EQ(store.read(QStringLiteral("k")).value, QStringLiteral("value1"));
    EXPECT_EQ(store.size(), 1);
}

TEST(InMemorySecretStore, InstancesAreSeparate) {
    InMemorySecretStore one;
    InMemorySecretStore two;
    ASSERT_TRUE(one.write(QStringLiteral("k"), QStringLiteral("value1")).ok());
    EXPECT_EQ(two.read(QStringLiteral("k")).status, SecretStatus::NotFound);
}

TEST(RedactingSecretStore, RegistersWhatPassesThrough) {
    auto redactor = std::make_shared<Redactor>();
    RedactingSecretStore store(std::make_unique<InMemorySecretStore>(), redactor);
    ASSERT_TRUE(store.write(QStringLiteral("connection/1"), QStringLiteral("pat-na1-plain-token")).ok());
    EXPECT_EQ(redactor->redactText(QStringLiteral("x pat-na1-plain-token")), QStringLiteral("x [REDACTED]"));

    // A token bundle: the sensitive members are registered, the rest stays readable.
    const QString bundle = QStringLiteral(
        R"({"access_token":"00Dabc!AQ-access","refresh_token":"5Aep-refresh","instance_url":"https://na1.my.salesforce.com"})");
    auto* inner = new InMemorySecretStore;
    ASSERT_TRUE(inner->write(QStringLiteral("connection/2"), bundle).ok());
    RedactingSecretStore reading(std::unique_ptr<SecretStore>(inner), redactor);
    const SecretResult read = reading.read(QStringLiteral("connection/2"));
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read.value, bundle);
    EXPECT_EQ(
        redactor->redactText(QStringLiteral("00Dabc!AQ-access 5Aep-refresh https://na1.my.salesforce.com")),
        QStringLiteral("[REDACTED] [REDACTED] https://na1.my.salesforce.com"));
    EXPECT_EQ(reading.backendName(), inner->backendName());
    EXPECT_TRUE(reading.remove(QStringLiteral("connection/2")).ok());
}
