#include "ui/sync/DesktopSyncFeatures.h"

#include "ui/MainWindow.h"
#include "ui/common/AppContext.h"
#include "ui/log/ConnectorLogPanel.h"
#include "ui/mapping/MappingEditor.h"
#include "ui/runs/RunsView.h"
#include "ui/sync/SyncController.h"
#include "ui/sync/SyncPreviewDialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>

namespace syncdesk {

namespace {
class DesktopSyncText {
    Q_DECLARE_TR_FUNCTIONS(DesktopSyncFeatures)
};
} // namespace

void installDesktopSyncFeatures(MainWindow& window) {
    AppContext& context = window.context();
    auto* controller = new SyncController(context, &window);
    controller->setObjectName(QStringLiteral("syncController"));

    auto* mapping = new MappingEditor(context, &window);
    window.addPage(mapping, DesktopSyncText::tr("&Mapping"));
    auto* runs = new RunsView(context, *controller, &window);
    window.addPage(runs, DesktopSyncText::tr("&Runs"));

    auto* log = new ConnectorLogPanel(&window);
    log->setLog(context.connectorLog());
    QObject::connect(&context, &AppContext::workspaceAboutToClose, log, [log] { log->setLog(nullptr); });
    QObject::connect(&context, &AppContext::workspaceChanged, log,
                     [log, &context] { log->setLog(context.connectorLog()); });
    QObject::connect(controller, &SyncController::logEntry, log, &ConnectorLogPanel::addEntry);
    window.setLogDock(log);
    // File > Export connector log (Ctrl+Shift+E), before Quit.
    const QList<QAction*> fileActions = window.fileMenu()->actions();
    window.fileMenu()->insertAction(
        fileActions.size() >= 2 ? fileActions.at(fileActions.size() - 2) : nullptr, log->exportAction());
    window.addAction(log->exportAction());

    QObject::connect(runs, &RunsView::showLogRequested, log, &ConnectorLogPanel::showRun);

    window.setSyncHandler(
        [&window, controller, runs, mapping](const QList<qint64>& ids, const Connection& connection) {
            auto* dialog = new SyncPreviewDialog(*controller, ids, connection, &window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(dialog, &SyncPreviewDialog::showRunRequested, &window,
                             [&window, runs, dialog](qint64 runId) {
                                 window.showPage(runs);
                                 runs->reload();
                                 runs->selectRun(runId);
                                 dialog->close();
                             });
            QObject::connect(dialog, &SyncPreviewDialog::editMappingRequested, &window,
                             [&window, mapping](const QString& uuid) {
                                 window.showPage(mapping);
                                 mapping->showMapping(uuid, RecordObject::Company);
                             });
            dialog->show();
            dialog->start();
        });
}

} // namespace syncdesk
