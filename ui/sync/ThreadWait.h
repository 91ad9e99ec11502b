#pragma once

#include <QCoreApplication>
#include <QThread>

namespace syncdesk {

// Waits for a worker thread to end while the calling (UI) thread keeps serving events, so that a
// request in flight to the in-process Sandbox CRM (answered by the UI thread's event loop) can
// finish instead of waiting for its timeout. User input is held back meanwhile.
inline void waitServingEvents(QThread* thread) {
    if (!thread)
        return;
    while (!thread->wait(10))
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents, 10);
}

} // namespace syncdesk
