// KeychainSecretStore against a REAL Secret Service: ctest runs this executable only through
// tests/support/with-private-keyring.sh (a private D-Bus session with a fresh, unlocked
// gnome-keyring in a temporary HOME), so it never touches the developer's keyring.
#include "SecretStoreContract.h"

#include "core/auth/KeychainSecretStore.h"
#include "core/net/Redactor.h"

#include <QList>
#include <QThread>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

struct KeychainFactory {
    static std::unique_ptr<SecretStore> make() { return std::make_unique<KeychainSecretStore>(); }
};

// Refuses to run against a keyring that is not the private one (someone ran the binary by hand).
class PrivateKeyringGuard : public ::testing::Environment {
public:
    void SetUp() override {
        ASSERT_EQ(qgetenv("SYNCDESK_PRIVATE_KEYRING"), "1")
            << "run through tests/support/with-private-keyring.sh (ctest does): this test writes to the "
               "keychain";
    }
};
const auto* const guard = ::testing::AddGlobalTestEnvironment(new PrivateKeyringGuard);

} // namespace

INSTANTIATE_TYPED_TEST_SUITE_P(Keychain, SecretStoreContract, KeychainFactory);

TEST(KeychainSecretStore, FactoryOpensTheSystemKeychain) {
    const SecretStoreOpenResult opened = openSystemSecretStore();
    ASSERT_NE(opened.store, nullptr) << opened.errorText.toStdString();
    EXPECT_TRUE(opened.errorText.isEmpty());
    EXPECT_TRUE(
        opened.store->write(SecretStore::connectionKey(QStringLiteral("factory")), QStringLiteral("v-123456"))
            .ok());
    EXPECT_EQ(opened.store->read(SecretStore::connectionKey(QStringLiteral("factory"))).value,
              QStringLiteral("v-123456"));
    // What the factory's store hands out is redacted in logs from then on.
    EXPECT_EQ(Redactor::shared()->redactText(QStringLiteral("v-123456")), Redactor::Marker);
}

TEST(KeychainSecretStore, ServiceNamesAreSeparate) {
    KeychainSecretStore syncdesk;
    KeychainSecretStore other(QStringLiteral("SyncDesk-other-service"));
    EXPECT_EQ(syncdesk.service(), QStringLiteral("SyncDesk"));
    const QString key = SecretStore::connectionKey(QStringLiteral("shared-id"));
    ASSERT_TRUE(syncdesk.write(key, QStringLiteral("in-syncdesk")).ok());
    EXPECT_EQ(other.read(key).status, SecretStatus::NotFound);
    ASSERT_TRUE(other.write(key, QStringLiteral("in-other")).ok());
    EXPECT_EQ(syncdesk.read(key).value, QStringLiteral("in-syncdesk"));
}

TEST(KeychainSecretStore, ProbeSucceeds) {
    KeychainSecretStore store;
    const SecretResult probe = store.probe();
    EXPECT_TRUE(probe.ok()) << probe.errorText.toStdString();
}

TEST(KeychainSecretStore, MainAndWorkerThreadsShareIt) {
    // The desktop reads tokens on the GUI thread (connection test) and in the engine's worker
    // thread; QtKeychain's executor is bound to one thread, which the store must hide. Use it from
    // the main thread first, then from workers (two at once), then from the main thread again.
    KeychainSecretStore main;
    ASSERT_TRUE(
        main.write(SecretStore::connectionKey(QStringLiteral("shared")), QStringLiteral("from-main")).ok());

    struct Outcome {
        SecretResult readShared;
        SecretResult written;
        SecretResult readOwn;
    };
    Outcome outcomes[2];
    QList<QThread*> workers;
    for (int i = 0; i < 2; ++i) {
        workers.append(QThread::create([&outcomes, i] {
            KeychainSecretStore store;
            const QString own = SecretStore::connectionKey(QStringLiteral("worker-%1").arg(i));
            outcomes[i].readShared = store.read(SecretStore::connectionKey(QStringLiteral("shared")));
            outcomes[i].written = store.write(own, QStringLiteral("from-worker-%1").arg(i));
            outcomes[i].readOwn = store.read(own);
        }));
    }
    for (QThread* worker : workers)
        worker->start();
    for (QThread* worker : workers) {
        ASSERT_TRUE(worker->wait(60000));
        delete worker;
    }
    for (int i = 0; i < 2; ++i) {
        EXPECT_EQ(outcomes[i].readShared.value, QStringLiteral("from-main"))
            << outcomes[i].readShared.errorText.toStdString();
        EXPECT_TRUE(outcomes[i].written.ok()) << outcomes[i].written.errorText.toStdString();
        EXPECT_EQ(outcomes[i].readOwn.value, QStringLiteral("from-worker-%1").arg(i));
    }
    EXPECT_EQ(main.read(SecretStore::connectionKey(QStringLiteral("worker-1"))).value,
              QStringLiteral("from-worker-1"));
}
