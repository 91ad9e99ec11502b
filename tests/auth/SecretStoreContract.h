#pragma once

// What every SecretStore must do. Instantiated for InMemorySecretStore (auth_tests) and for
// KeychainSecretStore against a real gnome-keyring (auth_keychain_tests):
//   INSTANTIATE_TYPED_TEST_SUITE_P(Name, SecretStoreContract, FactoryType);
// where FactoryType has `static std::unique_ptr<SecretStore> make()`.

#include "core/auth/SecretStore.h"

#include <QUuid>

#include <gtest/gtest.h>

#include <memory>

namespace syncdesk::test {

template <class Factory> class SecretStoreContract : public ::testing::Test {
protected:
    void SetUp() override {
        store = Factory::make();
        ASSERT_NE(store, nullptr);
        // Keys unique per test run, so that a store that keeps state never sees an earlier run.
        prefix = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    QString key(const QString& name) const {
        return SecretStore::connectionKey(prefix + QLatin1Char('-') + name);
    }

    std::unique_ptr<SecretStore> store;
    QString prefix;
};

TYPED_TEST_SUITE_P(SecretStoreContract);

TYPED_TEST_P(SecretStoreContract, WriteThenReadBack) {
    const QString k = this->key(QStringLiteral("hubspot"));
    const SecretResult written = this->store->write(k, QStringLiteral("pat-na1-1234-abcd"));
    ASSERT_TRUE(written.ok()) << written.errorText.toStdString();
    EXPECT_TRUE(written.errorText.isEmpty());
    const SecretResult read = this->store->read(k);
    ASSERT_TRUE(read.ok()) << read.errorText.toStdString();
    EXPECT_EQ(read.value, QStringLiteral("pat-na1-1234-abcd"));
}

TYPED_TEST_P(SecretStoreContract, OverwriteReplaces) {
    const QString k = this->key(QStringLiteral("sf"));
    ASSERT_TRUE(this->store->write(k, QStringLiteral("first-value")).ok());
    ASSERT_TRUE(this->store->write(k, QStringLiteral("second-value")).ok());
    EXPECT_EQ(this->store->read(k).value, QStringLiteral("second-value"));
}

TYPED_TEST_P(SecretStoreContract, RemoveThenReadIsNotFound) {
    const QString k = this->key(QStringLiteral("gone"));
    ASSERT_TRUE(this->store->write(k, QStringLiteral("to-be-removed")).ok());
    const SecretResult removed = this->store->remove(k);
    EXPECT_TRUE(removed.ok()) << removed.errorText.toStdString();
    const SecretResult read = this->store->read(k);
    EXPECT_EQ(read.status, SecretStatus::NotFound);
    EXPECT_TRUE(read.value.isEmpty());
    EXPECT_FALSE(read.errorText.isEmpty());
}

TYPED_TEST_P(SecretStoreContract, ReadMissingIsNotFound) {
    const SecretResult read = this->store->read(this->key(QStringLiteral("never-written")));
    EXPECT_EQ(read.status, SecretStatus::NotFound);
    EXPECT_TRUE(read.value.isEmpty());
    EXPECT_TRUE(read.errorText.contains(QStringLiteral("never-written"))) << read.errorText.toStdString();
}

TYPED_TEST_P(SecretStoreContract, RemoveMissingIsNotFoundOrOk) {
    const SecretResult removed = this->store->remove(this->key(QStringLiteral("never-written")));
    EXPECT_TRUE(removed.ok() || removed.status == SecretStatus::NotFound) << removed.errorText.toStdString();
}

TYPED_TEST_P(SecretStoreContract, TwoConnectionsDoNotCollide) {
    const QString a = this->key(QStringLiteral("a"));
    const QString b = this->key(QStringLiteral("b"));
    ASSERT_TRUE(this->store->write(a, QStringLiteral("secret-of-a")).ok());
    ASSERT_TRUE(this->store->write(b, QStringLiteral("secret-of-b")).ok());
    EXPECT_EQ(this->store->read(a).value, QStringLiteral("secret-of-a"));
    EXPECT_EQ(this->store->read(b).value, QStringLiteral("secret-of-b"));
    ASSERT_TRUE(this->store->remove(a).ok());
    EXPECT_EQ(this->store->read(a).status, SecretStatus::NotFound);
    EXPECT_EQ(this->store->read(b).value, QStringLiteral("secret-of-b"));
}

TYPED_TEST_P(SecretStoreContract, ValuesSurviveIntact) {
    // A connector's token bundle: JSON, long, non-ASCII, with characters that need escaping.
    QString value =
        QStringLiteral(R"({"access_token":"00D!AQ4AQ+/=","refresh_token":"5Aep861","instance_url":)"
                       R"("https://na1.my.salesforce.com","note":"Zürich \"quoted\" \\ back"})");
    value += QString(4000, QLatin1Char('x'));
    const QString k = this->key(QStringLiteral("bundle"));
    ASSERT_TRUE(this->store->write(k, value).ok());
    EXPECT_EQ(this->store->read(k).value, value);
}

TYPED_TEST_P(SecretStoreContract, NamesItsBackend) {
    EXPECT_FALSE(this->store->backendName().isEmpty());
}

REGISTER_TYPED_TEST_SUITE_P(SecretStoreContract, WriteThenReadBack, OverwriteReplaces,
                            RemoveThenReadIsNotFound, ReadMissingIsNotFound, RemoveMissingIsNotFoundOrOk,
                            TwoConnectionsDoNotCollide, ValuesSurviveIntact, NamesItsBackend);

} // namespace syncdesk::test
