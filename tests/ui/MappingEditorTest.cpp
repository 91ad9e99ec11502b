// The mapping editor: the Sandbox connection's mapping with the CRM's fields, problems shown on
// their row, saving refused while invalid, undo/redo, reordering (buttons and drag and drop)
// changing the match-key row, value maps, create missing fields.
#include "UiTestSupport.h"

#include "core/sandbox/SandboxServer.h"
#include "core/store/MappingStore.h"
#include "core/store/Workspace.h"
#include "ui/common/FileDialog.h"
#include "ui/common/MessageBox.h"
#include "ui/mapping/MappingDocument.h"
#include "ui/mapping/MappingEditor.h"
#include "ui/mapping/MappingTableModel.h"
#include "ui/mapping/MissingFieldsDialog.h"
#include "ui/mapping/ValueMapDialog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace syncdesk;
using namespace syncdesk::test;

namespace {

class MappingEditorTest : public UiTest {
protected:
    void SetUp() override {
        UiTest::SetUp();
        editor = find<MappingEditor>(QStringLiteral("mappingPage"));
        ASSERT_NE(editor, nullptr);
        window->showPage(editor);
        doc = editor->document();
        model = editor->model();
        // No CRM fields are cached for a new connection: the editor loads them from the Sandbox.
        ASSERT_TRUE(waitFor([&] { return doc->crmPropertiesKnown() && !editor->isBusy(); }));
        ASSERT_FALSE(doc->crmProperties().isEmpty());
    }

    int rowOf(const QString& fieldKey) const {
        for (int i = 0; i < doc->mapping().rows.size(); ++i) {
            if (doc->mapping().rows.at(i).fieldKey == fieldKey)
                return i;
        }
        return -1;
    }
    QModelIndex cell(int row, int column, int target = 0) const {
        return model->index(model->lineOf(row, target), column);
    }
    QAction* action(const char* name) const { return editor->action(QString::fromLatin1(name)); }
    void clickButton(const char* name) { find<QToolButton>(QString::fromLatin1(name))->click(); }
    std::optional<Mapping> stored() const {
        const Connection c = *context->sandboxConnection();
        return MappingStore(*context->workspace()).mapping(c.id, RecordObject::Company);
    }

    MappingEditor* editor = nullptr;
    MappingDocument* doc = nullptr;
    MappingTableModel* model = nullptr;
};

} // namespace

TEST_F(MappingEditorTest, ShowsTheDefaultMappingWithTheMatchKeyRowMarked) {
    EXPECT_EQ(editor->connectionUuid(), context->sandboxConnection()->uuid);
    EXPECT_EQ(doc->mapping(), Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company));
    EXPECT_TRUE(doc->problems().isEmpty()) << str(doc->problems().value(0).message);
    const int website = rowOf(QStringLiteral("website"));
    ASSERT_GE(website, 0);
    EXPECT_EQ(doc->matchKeyRow(), website);
    EXPECT_EQ(cell(website, MappingTableModel::KeyColumn).data().toString(), QStringLiteral("Match key"));
    EXPECT_TRUE(
        cell(website, MappingTableModel::FieldColumn).data(MappingTableModel::IsMatchKeyRole).toBool());
    EXPECT_EQ(cell(0, MappingTableModel::KeyColumn).data().toString(), QString());
    EXPECT_EQ(cell(website, MappingTableModel::StrategyColumn).data().toString(),
              updateStrategyLabel(UpdateStrategy::UpdateIfEmpty));
    // Never saved: it can be saved as it is, and the status says it is the default in use.
    EXPECT_TRUE(doc->isModified());
    EXPECT_TRUE(action("mappingSaveAction")->isEnabled());
    EXPECT_FALSE(find<QLabel>(QStringLiteral("mappingPropertiesLabel"))->text().isEmpty());
    QLabel* status = find<QLabel>(QStringLiteral("mappingStatusLabel"));
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Default mapping, not saved yet")))
        << str(status->text());

    // An edit makes it "unsaved changes"; undoing it, the default again.
    const int employees = rowOf(QStringLiteral("employees"));
    ASSERT_GE(employees, 0);
    ASSERT_TRUE(model->setData(cell(employees, MappingTableModel::StrategyColumn),
                               static_cast<int>(UpdateStrategy::UpdateIfEmpty), Qt::EditRole));
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Unsaved changes"))) << str(status->text());
    clickButton("mappingUndoButton");
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Default mapping, not saved yet")))
        << str(status->text());
    EXPECT_TRUE(editor->save());
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Saved."))) << str(status->text());
}

TEST_F(MappingEditorTest, ATypeProblemIsShownOnItsRowAndSavingIsRefused) {
    const int employees = rowOf(QStringLiteral("employees"));
    ASSERT_GE(employees, 0);
    // A number written into a text property does not fit.
    const QModelIndex property = cell(employees, MappingTableModel::PropertyColumn);
    ASSERT_TRUE(model->setData(property, QStringLiteral("founded_year"), Qt::EditRole));
    ASSERT_TRUE(doc->hasErrors());
    ASSERT_FALSE(doc->problemsOf(employees, 0).isEmpty());
    EXPECT_EQ(doc->problemsOf(employees, 0).first().code, MappingProblem::Code::TypeMismatch);
    const QModelIndex problem = cell(employees, MappingTableModel::ProblemColumn);
    EXPECT_FALSE(problem.data().toString().isEmpty());
    EXPECT_TRUE(problem.data().toString().contains(QStringLiteral("Employees")))
        << str(problem.data().toString());
    EXPECT_TRUE(
        cell(employees, MappingTableModel::PropertyColumn).data(MappingTableModel::HasErrorRole).toBool());
    EXPECT_FALSE(
        cell(employees, MappingTableModel::FieldColumn).data(MappingTableModel::HasErrorRole).toBool());
    EXPECT_FALSE(action("mappingSaveAction")->isEnabled());
    EXPECT_TRUE(find<QLabel>(QStringLiteral("mappingStatusLabel"))->text().contains(QStringLiteral("fixed")));

    // Saving anyway (e.g. by a script) is refused with the reason.
    MessageBox::clearHistory();
    EXPECT_FALSE(editor->save());
    ASSERT_EQ(MessageBox::history().size(), 1);
    EXPECT_TRUE(MessageBox::history().first().text.contains(QStringLiteral("Row %1").arg(employees + 1)));
    EXPECT_FALSE(stored().has_value());

    // Undo makes it valid again; it saves; redo brings the problem back.
    clickButton("mappingUndoButton");
    EXPECT_FALSE(doc->hasErrors());
    EXPECT_TRUE(action("mappingSaveAction")->isEnabled());
    EXPECT_TRUE(editor->save());
    ASSERT_TRUE(stored().has_value());
    EXPECT_EQ(*stored(), doc->mapping());
    EXPECT_FALSE(doc->isModified());
    EXPECT_FALSE(action("mappingSaveAction")->isEnabled());
    clickButton("mappingRedoButton");
    EXPECT_TRUE(doc->hasErrors());
    EXPECT_TRUE(doc->isModified());
}

TEST_F(MappingEditorTest, ReadOnlyPropertiesAndMissingTargetsAreExplained) {
    const int city = rowOf(QStringLiteral("city"));
    ASSERT_TRUE(
        model->setData(cell(city, MappingTableModel::PropertyColumn), QStringLiteral("hs_object_id")));
    EXPECT_TRUE(doc->hasErrors());
    EXPECT_FALSE(cell(city, MappingTableModel::ProblemColumn).data().toString().isEmpty());

    // "Add row" maps the first field no row maps yet (Domain), onto its own property: a key fallback.
    editor->selectRow(city);
    clickButton("mappingAddRowButton");
    const int added = editor->currentRow();
    ASSERT_EQ(added, city + 1);
    EXPECT_EQ(doc->mapping().rows.at(added).fieldKey, QStringLiteral("domain"));
    EXPECT_EQ(cell(added, MappingTableModel::KeyColumn).data().toString(), QStringLiteral("Key fallback"));
    action("mappingUndoAction")->trigger();

    // A field without a same-named CRM property starts without a target, and the row says so.
    const int tier = doc->addRow(QStringLiteral("tier"));
    EXPECT_EQ(cell(tier, MappingTableModel::PropertyColumn, -1).data().toString(),
              QStringLiteral("Choose a CRM property…"));
    EXPECT_FALSE(cell(tier, MappingTableModel::ProblemColumn, -1).data().toString().isEmpty());
    // Two undos: back to the saved state of the default mapping.
    action("mappingUndoAction")->trigger();
    action("mappingUndoAction")->trigger();
    EXPECT_EQ(doc->mapping(), Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company));
}

TEST_F(MappingEditorTest, ReorderingWithButtonsChangesTheMatchKeyRow) {
    // Map Domain onto the domain property too, at the end: a key fallback.
    editor->selectRow(static_cast<int>(doc->mapping().rows.size()) - 1);
    const int domainRow = doc->addRow(QStringLiteral("domain"));
    EXPECT_EQ(doc->mapping().rows.at(domainRow).targets.value(0).property, QStringLiteral("domain"));
    const int website = rowOf(QStringLiteral("website"));
    EXPECT_EQ(doc->matchKeyRow(), website);
    EXPECT_EQ(cell(domainRow, MappingTableModel::KeyColumn).data().toString(),
              QStringLiteral("Key fallback"));

    // Move it up above Website: it becomes the match key.
    editor->selectRow(domainRow);
    for (int i = domainRow; i > website; --i) {
        ASSERT_TRUE(action("mappingMoveUpAction")->isEnabled());
        clickButton("mappingMoveUpButton");
    }
    EXPECT_EQ(editor->currentRow(), website);
    EXPECT_EQ(doc->mapping().rows.at(website).fieldKey, QStringLiteral("domain"));
    EXPECT_EQ(doc->matchKeyRow(), website);
    EXPECT_EQ(cell(website, MappingTableModel::KeyColumn).data().toString(), QStringLiteral("Match key"));
    EXPECT_EQ(cell(website + 1, MappingTableModel::KeyColumn).data().toString(),
              QStringLiteral("Key fallback"));

    // Keyboard: Alt+Down moves it back below Website.
    editor->table()->setFocus();
    QTest::keyClick(editor->table(), Qt::Key_Down, Qt::AltModifier);
    EXPECT_EQ(doc->mapping().rows.at(website).fieldKey, QStringLiteral("website"));
    EXPECT_EQ(doc->matchKeyRow(), website);

    // Undo the keyboard move: Domain is the key again.
    action("mappingUndoAction")->trigger();
    EXPECT_EQ(doc->mapping().rows.at(doc->matchKeyRow()).fieldKey, QStringLiteral("domain"));
}

TEST_F(MappingEditorTest, DragAndDropMovesAWholeRow) {
    const int last = doc->addRow(QStringLiteral("domain"));
    const int website = rowOf(QStringLiteral("website"));
    const int rows = static_cast<int>(doc->mapping().rows.size());
    std::unique_ptr<QMimeData> data(model->mimeData({cell(last, MappingTableModel::FieldColumn)}));
    ASSERT_NE(data, nullptr);
    // Dropped onto the Website line: takes its place.
    ASSERT_TRUE(model->dropMimeData(data.get(), Qt::MoveAction, -1, -1,
                                    cell(website, MappingTableModel::FieldColumn)));
    EXPECT_EQ(doc->mapping().rows.size(), rows);
    EXPECT_EQ(doc->mapping().rows.at(website).fieldKey, QStringLiteral("domain"));
    EXPECT_EQ(doc->mapping().rows.at(website + 1).fieldKey, QStringLiteral("website"));
    EXPECT_EQ(doc->mapping().rows.at(doc->matchKeyRow()).fieldKey, QStringLiteral("domain"));
    // Dropped between lines, at the very end.
    std::unique_ptr<QMimeData> again(model->mimeData({cell(website, MappingTableModel::FieldColumn)}));
    ASSERT_TRUE(model->dropMimeData(again.get(), Qt::MoveAction, model->rowCount(), 0, {}));
    EXPECT_EQ(doc->mapping().rows.last().fieldKey, QStringLiteral("domain"));
    EXPECT_EQ(doc->mapping().rows.at(doc->matchKeyRow()).fieldKey, QStringLiteral("website"));
    // One undo step per drop.
    action("mappingUndoAction")->trigger();
    EXPECT_EQ(doc->mapping().rows.at(doc->matchKeyRow()).fieldKey, QStringLiteral("domain"));
}

TEST_F(MappingEditorTest, AChoiceFieldNeedsAValueMapGivenInItsDialog) {
    const int row = doc->addRow(QStringLiteral("industry"));
    ASSERT_EQ(doc->mapping().rows.at(row).targets.value(0).property, QStringLiteral("industry"));
    QList<MappingProblem> problems = doc->problemsOf(row, 0);
    ASSERT_FALSE(problems.isEmpty());
    EXPECT_EQ(problems.first().code, MappingProblem::Code::ValueMapRequired);
    EXPECT_TRUE(cell(row, MappingTableModel::ValueMapColumn).data(MappingTableModel::HasErrorRole).toBool());

    editor->selectRow(row);
    action("mappingValueMapAction")->trigger();
    ValueMapDialog* dialog = editor->valueMapDialog();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitFor([&] { return dialog->isVisible(); }));
    dialog->setEntry(QStringLiteral("Software"), QStringLiteral("COMPUTER_SOFTWARE"));
    dialog->setEntry(QStringLiteral("Logistics"), QStringLiteral("LOGISTICS_AND_SUPPLY_CHAIN"));
    find<QPushButton>(QStringLiteral("valueMapOkButton"))->click();
    const MappingTarget& t = doc->mapping().rows.at(row).targets.at(0);
    EXPECT_EQ(t.valueMap.value(QStringLiteral("Software")), QStringLiteral("COMPUTER_SOFTWARE"));
    for (const MappingProblem& p : doc->problemsOf(row, 0))
        EXPECT_FALSE(p.isError()) << str(p.message);
    EXPECT_TRUE(cell(row, MappingTableModel::ValueMapColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("COMPUTER_SOFTWARE")));

    // An option the CRM does not have is an error named on the row.
    doc->setValueMap(row, 0, {{QStringLiteral("Software"), QStringLiteral("NOT_AN_OPTION")}});
    ASSERT_FALSE(doc->problemsOf(row, 0).isEmpty());
    EXPECT_EQ(doc->problemsOf(row, 0).first().code, MappingProblem::Code::ValueMapUnknownOption);
}

TEST_F(MappingEditorTest, CreateMissingFieldsCreatesPropertiesOnTheCrmAndMapsThem) {
    const FieldDefinition* tier = doc->field(QStringLiteral("tier"));
    ASSERT_NE(tier, nullptr) << "the sample import adds a Tier field";
    EXPECT_EQ(doc->property(QStringLiteral("syncdesk_tier")), nullptr);

    action("mappingCreateFieldsAction")->trigger();
    MissingFieldsDialog* dialog = editor->missingFieldsDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setChosen({QStringLiteral("tier")});
    ASSERT_EQ(dialog->chosenFields().size(), 1);
    find<QPushButton>(QStringLiteral("missingFieldsOkButton"))->click();
    ASSERT_TRUE(waitFor([&] { return !editor->isBusy() && rowOf(QStringLiteral("tier")) >= 0; }));

    const CrmProperty* created = doc->property(QStringLiteral("syncdesk_tier"));
    ASSERT_NE(created, nullptr);
    EXPECT_EQ(created->label, QStringLiteral("Tier (SyncDesk)"));
    const MappingRow& row = doc->mapping().rows.at(rowOf(QStringLiteral("tier")));
    EXPECT_EQ(row.targets.value(0).property, QStringLiteral("syncdesk_tier"));
    EXPECT_EQ(row.targets.value(0).strategy, UpdateStrategy::Override);
    EXPECT_FALSE(doc->hasErrors()) << str(doc->problems().value(0).message);
    // The property exists on the Sandbox CRM now: a refresh still has it.
    action("mappingRefreshAction")->trigger();
    ASSERT_TRUE(waitFor([&] { return !editor->isBusy(); }));
    EXPECT_NE(doc->property(QStringLiteral("syncdesk_tier")), nullptr);
    // The CRM fields are cached in the workspace.
    const Connection c = *context->sandboxConnection();
    const auto cached = MappingStore(*context->workspace()).properties(c.id, RecordObject::Company);
    ASSERT_TRUE(cached.has_value());
    EXPECT_TRUE(std::any_of(cached->properties.cbegin(), cached->properties.cend(),
                            [](const CrmProperty& p) { return p.name == QStringLiteral("syncdesk_tier"); }));
}

TEST_F(MappingEditorTest, SwitchingWithUnsavedEditsAsksFirst) {
    ASSERT_TRUE(editor->save());
    doc->removeRow(0);
    ASSERT_TRUE(doc->isModified());
    auto* objects = find<QComboBox>(QStringLiteral("mappingObjectCombo"));

    MessageBox::clearHistory();
    MessageBox::queueAnswer(QMessageBox::Cancel);
    objects->setCurrentIndex(objects->findData(static_cast<int>(RecordObject::Contact)));
    EXPECT_EQ(editor->object(), RecordObject::Company); // stayed
    EXPECT_EQ(objects->currentData().toInt(), static_cast<int>(RecordObject::Company));
    ASSERT_EQ(MessageBox::history().size(), 1);

    MessageBox::queueAnswer(QMessageBox::Discard);
    objects->setCurrentIndex(objects->findData(static_cast<int>(RecordObject::Contact)));
    EXPECT_EQ(editor->object(), RecordObject::Contact);
    ASSERT_TRUE(waitFor([&] { return doc->crmPropertiesKnown() && !editor->isBusy(); }));
    EXPECT_EQ(doc->mapping(), Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Contact));
    EXPECT_EQ(doc->mapping().rows.at(doc->matchKeyRow()).fieldKey, QStringLiteral("email"));
    // The discarded edit never reached the workspace.
    EXPECT_EQ(stored()->rows.size(),
              Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company).rows.size());
}

TEST_F(MappingEditorTest, EditingACellThroughItsEditorChangesTheMapping) {
    const int city = rowOf(QStringLiteral("city"));
    QTableView* table = editor->table();
    const QModelIndex strategy = cell(city, MappingTableModel::StrategyColumn);
    table->setCurrentIndex(strategy);
    table->edit(strategy);
    auto* combo = table->findChild<QComboBox*>(QStringLiteral("mappingStrategyEditor"));
    ASSERT_NE(combo, nullptr);
    combo->setCurrentIndex(combo->findData(static_cast<int>(UpdateStrategy::UpdateIfEmpty)));
    QTest::keyClick(combo, Qt::Key_Return);
    ASSERT_TRUE(waitFor([&] {
        return doc->mapping().rows.at(city).targets.at(0).strategy == UpdateStrategy::UpdateIfEmpty;
    }));
    // Clear when empty needs Override: ticking it shows the problem on that cell.
    ASSERT_TRUE(model->setData(cell(city, MappingTableModel::ClearColumn), Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(cell(city, MappingTableModel::ClearColumn).data(MappingTableModel::HasErrorRole).toBool());
    EXPECT_FALSE(action("mappingSaveAction")->isEnabled());
}

TEST_F(MappingEditorTest, ExportAndImportAsJson) {
    const int city = rowOf(QStringLiteral("city"));
    doc->removeRow(city);
    const Mapping edited = doc->mapping();
    const QString path = dir.filePath(QStringLiteral("companies.json"));
    FileDialog::queueAnswer(path);
    action("mappingExportAction")->trigger();
    ASSERT_TRUE(QFile::exists(path));

    editor->revert();
    EXPECT_EQ(doc->mapping(), Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company));
    FileDialog::queueAnswer(path);
    action("mappingImportAction")->trigger();
    EXPECT_EQ(doc->mapping(), edited);
    EXPECT_TRUE(doc->isModified());
    action("mappingUndoAction")->trigger(); // an import is one undo step
    EXPECT_EQ(doc->mapping(), Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company));

    // A broken file is refused with the line and column, and changes nothing.
    QFile broken(dir.filePath(QStringLiteral("broken.json")));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("{\n  \"format\": \"syncdesk-mapping\",\n  \"version\": 1,\n  oops\n}\n");
    broken.close();
    MessageBox::clearHistory();
    FileDialog::queueAnswer(broken.fileName());
    action("mappingImportAction")->trigger();
    ASSERT_EQ(MessageBox::history().size(), 1);
    EXPECT_TRUE(MessageBox::history().first().text.contains(QStringLiteral("line 4")))
        << str(MessageBox::history().first().text);
    EXPECT_EQ(doc->mapping(), Mapping::defaultMapping(CrmKind::Sandbox, RecordObject::Company));
}
