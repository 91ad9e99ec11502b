// With no Secret Service reachable (ctest points DBUS_SESSION_BUS_ADDRESS at nothing), opening the
// system store fails with a clear error instead of hanging, crashing or storing in plain text.
#include "core/auth/KeychainSecretStore.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

using namespace syncdesk;

TEST(NoKeychain, FactoryReportsThatNoKeychainIsReachable) {
    ASSERT_TRUE(qgetenv("DBUS_SESSION_BUS_ADDRESS").contains("nonexistent"))
        << "ctest sets DBUS_SESSION_BUS_ADDRESS to a dead address for this test";
    QElapsedTimer timer;
    timer.start();
    const SecretStoreOpenResult opened = openSystemSecretStore();
    EXPECT_EQ(opened.store, nullptr);
    EXPECT_TRUE(opened.errorText.contains(QStringLiteral("No keychain is reachable")))
        << opened.errorText.toStdString();
    EXPECT_TRUE(opened.errorText.contains(QStringLiteral("Secret Service")))
        << opened.errorText.toStdString();
    EXPECT_LT(timer.elapsed(), 20000);
    RecordProperty("error_text", opened.errorText.toStdString());
}

TEST(NoKeychain, OperationsFailWithAReason) {
    KeychainSecretStore store(KeychainSecretStore::DefaultService, 10000);
    const SecretResult w =
        store.write(SecretStore::connectionKey(QStringLiteral("x")), QStringLiteral("value-1"));
    EXPECT_FALSE(w.ok());
    EXPECT_NE(w.status, SecretStatus::NotFound);
    EXPECT_FALSE(w.errorText.isEmpty());
    const SecretResult r = store.read(SecretStore::connectionKey(QStringLiteral("x")));
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.status, SecretStatus::NotFound);
    EXPECT_FALSE(r.errorText.isEmpty());
}
