#pragma once

// A workspace in a fresh temporary folder, for tests (also used by tests/import).

#include "core/store/Workspace.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace syncdesk::test {

class TempWorkspace {
public:
    TempWorkspace() {
        m_path = m_dir.filePath(QStringLiteral("workspace.sqlite"));
        reopen();
    }

    Workspace& operator*() { return *m_workspace; }
    Workspace* operator->() { return m_workspace.get(); }
    Workspace& get() { return *m_workspace; }
    QString path() const { return m_path; }
    QString dir() const { return m_dir.path(); }

    void close() { m_workspace.reset(); }
    void reopen() {
        m_workspace.reset();
        QString error;
        m_workspace = Workspace::open(m_path, &error);
        if (!m_workspace)
            ADD_FAILURE() << "cannot open the test workspace: " << error.toStdString();
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<Workspace> m_workspace;
};

} // namespace syncdesk::test
