//! The page's behaviour without a browser: `State::apply` (pure: next state and effects) and
//! `runtime::run` over an in-memory store — what the end-to-end specs show in Chromium, at the
//! level of the state: saving on every edit, undo and redo, drafts, two tabs, the 检查 gate,
//! embedding. Runs natively in `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use ogi_report::browser::runtime::{run, World};
use ogi_report::model::embedding::Embedding;
use ogi_report::model::export_request::Output;
use ogi_report::model::state::{
    Action, Dialog, Direction, Draft, Edit, Effect, Env, IdSource, Import, SaveStatus, Start, State,
};
use ogi_report::model::storage::{DraftState, Drafts, SaveError};
use ogi_report::model::store::{MemoryStore, Store};
use ogi_report::view::components::notices::notice_words;
use ogi_report_core::format::{ROW_CARRIED_FORWARD, ROW_RECEIVED, ROW_TOTAL};
use ogi_report_core::grid::parse_text_block;
use ogi_report_core::rules::Target;
use ogi_report_core::{BodyType, CellRef, CountCell, Date, FieldRef, Narrative, Report};

/// The one-off notice as the page words it (empty: none).
fn notice(state: &State) -> String {
    state
        .dialogs
        .notice
        .as_ref()
        .map(notice_words)
        .unwrap_or_default()
}

/// A browser tab: its own page state over a store it may share with other tabs.
struct Tab {
    state: State,
    world: TestWorld,
}

struct TestWorld {
    drafts: Option<Drafts<Rc<MemoryStore>>>,
    clock: u32,
    /// Effects that leave the store: exports, downloads, focus, host replies.
    outside: Vec<Effect>,
    downloads: Vec<(String, String)>,
    saves: usize,
}

impl World for TestWorld {
    type Store = Rc<MemoryStore>;

    fn drafts(&self) -> Option<&Drafts<Rc<MemoryStore>>> {
        self.drafts.as_ref()
    }

    fn now_iso(&self) -> String {
        format!("2026-12-03T08:00:{:02}.000Z", self.clock % 60)
    }

    fn saved(&mut self, _at: &str) {
        self.saves += 1;
        self.clock += 1;
    }

    fn download_text(&mut self, file_name: &str, _mime: &str, text: &str) {
        self.downloads.push((file_name.to_owned(), text.to_owned()));
    }

    fn outside(&mut self, effect: Effect) {
        self.outside.push(effect);
    }
}

fn december() -> Date {
    Date::new(2026, 12, 3).unwrap()
}

fn open_tab(store: &Rc<MemoryStore>, embedding: Embedding, seed: u32) -> Tab {
    let drafts = Drafts::new(store.clone(), embedding.namespace.as_deref());
    let state = State::start(Start {
        today: december(),
        embedding,
        ids: IdSource {
            loaded_at_ms: 1_764_720_000_000,
            random: seed,
            issued: 0,
        },
        drafts: Ok(&drafts),
    });
    Tab {
        state,
        world: TestWorld {
            drafts: Some(drafts),
            clock: 0,
            outside: Vec::new(),
            downloads: Vec::new(),
            saves: 0,
        },
    }
}

fn tab(store: &Rc<MemoryStore>) -> Tab {
    open_tab(store, Embedding::default(), 1)
}

impl Tab {
    fn act(&mut self, action: Action) -> &State {
        self.state = run(&self.state, action, &mut self.world);
        &self.state
    }
}

fn received(col: usize) -> CellRef {
    CellRef::Request {
        row: ROW_RECEIVED,
        col,
    }
}

fn value(state: &State, cell: CellRef) -> Option<u64> {
    match state.editing.report.count(cell) {
        Some(CountCell::Value(value)) => Some(*value),
        _ => None,
    }
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|effect| matches!(effect, Effect::Save { .. }))
        .count()
}

fn fresh() -> State {
    tab(&Rc::new(MemoryStore::default())).state
}

fn typed(state: &State, text: &str) -> State {
    state
        .apply(Action::Edit(Edit::Field(
            FieldRef::Text(Narrative::Overview, 0),
            text.to_owned(),
        )))
        .0
}

#[test]
fn a_new_page_in_december_prepares_this_years_report() {
    let state = fresh();
    assert_eq!(state.editing.report.meta.year, Some(2026));
    assert_eq!(state.drafts.save, SaveStatus::NotYet);
    assert!(state.drafts.list.is_empty());
    assert!(!state.editing.history.can_undo());
}

#[test]
fn every_edit_yields_exactly_one_save_effect() {
    let state = typed(&fresh(), "一、总体情况");
    let edits = vec![
        Action::Edit(Edit::Cell(received(0), "5".to_owned())),
        Action::Edit(Edit::Field(FieldRef::Body, "某某街道办事处".to_owned())),
        Action::Edit(Edit::Field(
            FieldRef::Heading(Narrative::Overview, 0),
            "（一）主动公开情况".to_owned(),
        )),
        Action::Edit(Edit::SetYear(Some(2025))),
        Action::Edit(Edit::SetBodyType(BodyType::Government)),
        Action::Edit(Edit::AddSection(Narrative::Problems)),
        Action::Edit(Edit::RemoveSection(Narrative::Overview, 0)),
        Action::Edit(Edit::FillBlanks),
        Action::Edit(Edit::Paste(received(0), parse_text_block("1\t2\t3"))),
        Action::Edit(Edit::InsertRequestsSentence(Narrative::Overview, 0)),
    ];
    for action in edits {
        let label = format!("{:?}", std::mem::discriminant(&action));
        let (next, effects) = state.apply(action);
        assert_eq!(saves(&effects), 1, "{label}: {effects:?}");
        assert_ne!(next.editing.report, state.editing.report, "{label}");
        assert_eq!(
            next.editing.history.undo_steps(),
            state.editing.history.undo_steps() + 1,
            "{label}"
        );
    }
}

#[test]
fn typing_a_cell_updates_its_totals_and_findings_in_the_same_step() {
    let (next, effects) = fresh().apply(Action::Edit(Edit::Cell(received(0), "７".to_owned())));
    assert_eq!(value(&next, received(0)), Some(7));
    assert_eq!(value(&next, received(6)), Some(7), "the row's 总计");
    let Effect::Save { report, .. } = &effects[0] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        report, &next.editing.report,
        "the save writes the report as it now is"
    );
}

#[test]
fn apply_leaves_the_state_it_was_given_unchanged() {
    let state = fresh();
    let before = state.clone();
    let _ = state.apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    let _ = state.apply(Action::Edit(Edit::AddSection(Narrative::Problems)));
    assert_eq!(state, before);
    assert!(!state.editing.history.can_undo());
}

#[test]
fn a_no_op_action_leaves_history_and_redo_untouched() {
    let state = fresh()
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0;
    let state = state
        .apply(Action::Edit(Edit::Cell(received(1), "3".to_owned())))
        .0;
    let state = state.apply(Action::Edit(Edit::Undo)).0;
    assert!(state.editing.history.can_redo());
    let no_ops = vec![
        Action::Edit(Edit::Cell(received(0), "5".to_owned())),
        Action::Edit(Edit::RemoveSection(Narrative::Problems, 9)),
        Action::Edit(Edit::MoveSection(Narrative::Overview, 0, Direction::Up)),
        Action::Edit(Edit::Field(
            FieldRef::Text(Narrative::Problems, 7),
            "无".to_owned(),
        )),
        Action::Edit(Edit::InsertRequestsSentence(Narrative::Overview, 5)),
        Action::Edit(Edit::JumpTo(Target::Previous(received(0)))),
    ];
    let mut state = state;
    for action in no_ops {
        let (next, effects) = state.apply(action);
        assert!(effects.is_empty(), "{effects:?}");
        assert_eq!(next.editing.history, state.editing.history);
        assert!(next.editing.history.can_redo());
        state = next;
    }
    assert_eq!(state.editing.history.undo_steps(), 1);
    assert_eq!(state.editing.history.redo_steps(), 1);
}

#[test]
fn undo_with_nothing_to_undo_changes_nothing() {
    let state = fresh();
    let (next, effects) = state.apply(Action::Edit(Edit::Undo));
    assert!(effects.is_empty());
    assert_eq!(next, state);
    let (next, effects) = state.apply(Action::Edit(Edit::Redo));
    assert!(effects.is_empty());
    assert_eq!(next, state);
}

#[test]
fn keystrokes_in_one_cell_are_one_undo_step() {
    let mut state = fresh();
    for text in ["1", "12", "123"] {
        state = state
            .apply(Action::Edit(Edit::Cell(received(0), text.to_owned())))
            .0;
    }
    assert_eq!(state.editing.history.undo_steps(), 1);
    state = state
        .apply(Action::Edit(Edit::Cell(received(1), "4".to_owned())))
        .0;
    assert_eq!(state.editing.history.undo_steps(), 2);
    let (undone, effects) = state.apply(Action::Edit(Edit::Undo));
    assert_eq!(saves(&effects), 1, "an undo is saved like an edit");
    assert_eq!(value(&undone, received(0)), Some(123));
    assert_eq!(value(&undone, received(1)), None);
    let undone = undone.apply(Action::Edit(Edit::Undo)).0;
    assert_eq!(value(&undone, received(0)), None);
}

#[test]
fn undo_and_redo_cross_tables_and_narrative() {
    let appeal = CellRef::Appeal { group: 0, col: 0 };
    let state = fresh()
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0
        .apply(Action::Edit(Edit::Field(
            FieldRef::Text(Narrative::Overview, 0),
            "本年度……".to_owned(),
        )))
        .0
        .apply(Action::Edit(Edit::Cell(appeal, "2".to_owned())))
        .0;
    let text = |state: &State| {
        state.editing.report.sections(Narrative::Overview)[0]
            .text
            .clone()
    };
    let back = state
        .apply(Action::Edit(Edit::Undo))
        .0
        .apply(Action::Edit(Edit::Undo))
        .0;
    assert_eq!(value(&back, appeal), None);
    assert_eq!(text(&back), "");
    assert_eq!(value(&back, received(0)), Some(5));
    let again = back
        .apply(Action::Edit(Edit::Redo))
        .0
        .apply(Action::Edit(Edit::Redo))
        .0;
    assert_eq!(again.editing.report, state.editing.report);
    assert!(!again.editing.history.can_redo());
}

#[test]
fn an_edit_after_undo_clears_redo() {
    let state = fresh()
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0
        .apply(Action::Edit(Edit::Undo))
        .0;
    assert!(state.editing.history.can_redo());
    let state = state
        .apply(Action::Edit(Edit::Cell(received(2), "1".to_owned())))
        .0;
    assert!(!state.editing.history.can_redo());
}

#[test]
fn a_saved_draft_is_listed_and_comes_back_on_the_next_visit() {
    let store = Rc::new(MemoryStore::default());
    let mut first = tab(&store);
    first.act(Action::Edit(Edit::Field(
        FieldRef::Body,
        "某某街道办事处".to_owned(),
    )));
    first.act(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    assert_eq!(first.state.drafts.save, SaveStatus::Saved);
    assert_eq!(first.world.saves, 2);
    assert_eq!(first.state.drafts.list.len(), 1);
    assert_eq!(first.state.drafts.list[0].name, "某某街道办事处 2026 年度");
    let again = open_tab(&store, Embedding::default(), 2);
    assert_eq!(again.state.drafts.id, first.state.drafts.id);
    assert_eq!(again.state.editing.report, first.state.editing.report);
    assert_eq!(again.state.drafts.save, SaveStatus::Saved);
    assert_eq!(again.state.drafts.saved_at, first.state.drafts.saved_at);
}

#[test]
fn typing_writes_the_draft_each_time_and_marks_it_current_once() {
    use ogi_report::model::keys::{BASE_PREFIX, CURRENT};
    let current = format!("{BASE_PREFIX}{CURRENT}");
    let store = Rc::new(MemoryStore::default());
    let mut page = tab(&store);
    for digit in ["1", "12", "123"] {
        page.act(Action::Edit(Edit::Cell(received(0), digit.to_owned())));
    }
    let draft_key = page
        .world
        .drafts
        .as_ref()
        .unwrap()
        .draft_key(&page.state.drafts.id);
    assert_eq!(store.writes_of(&draft_key), 3);
    assert_eq!(store.writes_of(&current), 1);
    // Another tab's draft became the one to open next: the next edit here marks this one again.
    let mut other = open_tab(&store, Embedding::default(), 2);
    other.act(Action::Draft(Draft::New));
    other.act(Action::Edit(Edit::Cell(received(0), "7".to_owned())));
    assert_eq!(
        store.get(&current).as_deref(),
        Some(&*other.state.drafts.id)
    );
    page.act(Action::Edit(Edit::Cell(received(0), "1234".to_owned())));
    assert_eq!(store.get(&current).as_deref(), Some(&*page.state.drafts.id));
}

#[test]
fn a_full_store_keeps_the_report_in_the_page_and_says_so() {
    let store = Rc::new(MemoryStore::with_quota(200));
    let mut page = tab(&store);
    page.act(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    assert_eq!(
        page.state.drafts.save,
        SaveStatus::Failed(SaveError::QuotaExceeded)
    );
    assert_eq!(value(&page.state, received(0)), Some(5));
}

#[test]
fn without_storage_edits_stay_in_the_page_with_no_effects() {
    let state = State::start::<MemoryStore>(Start {
        today: december(),
        embedding: Embedding::default(),
        ids: IdSource {
            loaded_at_ms: 0,
            random: 0,
            issued: 0,
        },
        drafts: Err("SecurityError".to_owned()),
    });
    let (next, effects) = state.apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    assert!(effects.is_empty());
    assert_eq!(value(&next, received(0)), Some(5));
    assert_eq!(next.drafts.save, SaveStatus::NotYet);
}

/// Two tabs on one draft: the second wrote it after the first did, and the first heard of it.
fn tabs_in_conflict() -> (Tab, Tab) {
    let store = Rc::new(MemoryStore::default());
    let mut first = tab(&store);
    first.act(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    let mut second = open_tab(&store, Embedding::default(), 2);
    second.act(Action::Edit(Edit::Cell(received(0), "9".to_owned())));
    first.hear_write_of(&second.state.drafts.id);
    (first, second)
}

impl Tab {
    /// The `storage` event a write of draft `id` sends to this tab.
    fn hear_write_of(&mut self, id: &str) {
        let drafts = self.world.drafts.as_ref().unwrap();
        let key = drafts.draft_key(id);
        let new_value = drafts.store().get(&key);
        self.act(Action::Draft(Draft::StorageChanged { key, new_value }));
    }
}

#[test]
fn another_tabs_write_of_the_open_draft_pauses_saving() {
    let (mut first, second) = tabs_in_conflict();
    assert!(first.state.drafts.conflict);
    assert_eq!(first.state.drafts.save, SaveStatus::Paused);
    let (_, effects) = first
        .state
        .apply(Action::Edit(Edit::Cell(received(1), "1".to_owned())));
    assert_eq!(
        saves(&effects),
        0,
        "nothing overwrites the other tab's version"
    );
    // This tab's version kept as a new draft: both are listed.
    first.act(Action::Draft(Draft::KeepAsNew));
    assert!(!first.state.drafts.conflict);
    assert_ne!(first.state.drafts.id, second.state.drafts.id);
    assert_eq!(first.state.drafts.list.len(), 2);
    assert!(first.state.drafts.name.ends_with("（本页版本）"));
}

#[test]
fn taking_the_other_tabs_version_loads_it() {
    let (mut first, _) = tabs_in_conflict();
    first.act(Action::Draft(Draft::TakeOtherTabVersion));
    assert!(!first.state.drafts.conflict);
    assert_eq!(value(&first.state, received(0)), Some(9));
    assert!(!first.state.editing.history.can_undo());
}

#[test]
fn this_tabs_own_write_heard_back_is_not_a_conflict() {
    let store = Rc::new(MemoryStore::default());
    let mut page = tab(&store);
    page.act(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    let id = page.state.drafts.id.clone();
    page.hear_write_of(&id);
    assert!(!page.state.drafts.conflict);
    assert_eq!(page.state.drafts.save, SaveStatus::Saved);
}

#[test]
fn a_corrupt_draft_is_kept_aside_and_can_be_downloaded() {
    let store = Rc::new(MemoryStore::default());
    store
        .set("ogi-report:v1:draft:broken", "{\"envelope\":1,")
        .unwrap();
    let mut page = tab(&store);
    let listed = &page.state.drafts.list[0];
    assert!(
        matches!(listed.state, DraftState::Corrupt { .. }),
        "{listed:?}"
    );
    assert_eq!(
        store.get("ogi-report:v1:corrupt:broken").as_deref(),
        Some("{\"envelope\":1,")
    );
    assert_eq!(store.get("ogi-report:v1:draft:broken"), None);
    page.act(Action::Draft(Draft::DownloadCorrupt("broken".to_owned())));
    assert_eq!(page.world.downloads[0].1, "{\"envelope\":1,");
}

#[test]
fn a_draft_from_a_newer_tool_is_never_overwritten() {
    let store = Rc::new(MemoryStore::default());
    let newer = "{\"envelope\":2,\"id\":\"x\",\"name\":\"新版\",\"saved_at\":\"2026-12-01\"}";
    store.set("ogi-report:v1:draft:x", newer).unwrap();
    store.set("ogi-report:v1:current", "x").unwrap();
    let mut page = tab(&store);
    assert_ne!(page.state.drafts.id, "x", "a newer draft is not opened");
    page.act(Action::Draft(Draft::Rename(
        "x".to_owned(),
        "改名".to_owned(),
    )));
    assert_eq!(store.get("ogi-report:v1:draft:x").as_deref(), Some(newer));
    assert_eq!(
        page.state
            .drafts
            .list
            .iter()
            .find(|d| d.id == "x")
            .unwrap()
            .state,
        DraftState::Newer
    );
}

#[test]
fn drafts_open_duplicate_rename_and_delete() {
    let store = Rc::new(MemoryStore::default());
    let mut page = tab(&store);
    page.act(Action::Edit(Edit::Field(FieldRef::Body, "甲局".to_owned())));
    let first = page.state.drafts.id.clone();
    page.act(Action::Draft(Draft::Duplicate(first.clone())));
    assert_ne!(page.state.drafts.id, first);
    assert_eq!(page.state.drafts.name, "甲局 2026 年度（副本）");
    assert_eq!(page.state.drafts.list.len(), 2);
    page.act(Action::Draft(Draft::Rename(
        first.clone(),
        "甲局草稿".to_owned(),
    )));
    assert_ne!(
        page.state.drafts.id, first,
        "renaming another draft keeps this one open"
    );
    assert!(page.state.drafts.list.iter().any(|d| d.name == "甲局草稿"));
    page.act(Action::Draft(Draft::Open(first.clone())));
    assert_eq!(page.state.drafts.id, first);
    assert_eq!(page.state.drafts.name, "甲局草稿");
    assert_eq!(
        store.get("ogi-report:v1:current").as_deref(),
        Some(first.as_str())
    );
    page.act(Action::Draft(Draft::Delete(first.clone())));
    assert_ne!(page.state.drafts.id, first);
    assert_eq!(page.state.drafts.list.len(), 1);
    assert_eq!(page.state.editing.report.meta.body, "");
}

#[test]
fn the_check_gate_holds_an_export_with_errors() {
    let state = fresh()
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0;
    let (gated, effects) = state.apply(Action::Dialog(Dialog::RequestExport(Output::Docx)));
    assert_eq!(gated.dialogs.gate, Some(Output::Docx));
    assert!(effects.is_empty(), "{effects:?}");
    let (anyway, effects) = gated.apply(Action::Dialog(Dialog::ExportAnyway));
    assert_eq!(anyway.dialogs.gate, None);
    assert!(
        matches!(&effects[..], [Effect::Export(request)] if request.draft && request.output == Output::Docx)
    );
    // The workbook is never gated: figures to hand on, not a publication.
    let (_, effects) = state.apply(Action::Dialog(Dialog::RequestExport(Output::Xlsx)));
    assert!(matches!(&effects[..], [Effect::Export(request)] if !request.draft));
}

#[test]
fn an_export_that_failed_says_why() {
    let (state, effects) = fresh().apply(Action::Dialog(Dialog::ExportFinished(
        Output::Docx,
        Err("网络中断".to_owned()),
    )));
    assert!(effects.is_empty());
    assert!(notice(&state).contains("网络中断"));
}

#[test]
fn a_jump_goes_to_cells_and_fields_of_this_year_only() {
    let state = fresh();
    let (_, effects) = state.apply(Action::Edit(Edit::JumpTo(Target::cell(received(0)))));
    assert_eq!(
        effects,
        [Effect::Focus("requests.received.natural_person".to_owned())]
    );
    let (_, effects) = state.apply(Action::Edit(Edit::JumpTo(Target::Previous(received(0)))));
    assert!(effects.is_empty());
}

#[test]
fn a_host_asking_for_the_report_gets_it_with_totals() {
    let state = fresh()
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0;
    let (_, effects) = state.apply(Action::Env(Env::HostGetReport(
        "https://portal.example".to_owned(),
    )));
    let [Effect::ReplyToHost { origin, report }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(origin, "https://portal.example");
    let read = ogi_report_core::read_report(report).unwrap();
    assert_eq!(
        read.count(CellRef::Request {
            row: ROW_RECEIVED,
            col: 6
        }),
        Some(&CountCell::Value(5))
    );
}

fn portal() -> Embedding {
    Embedding {
        embedded: true,
        namespace: Some("portal-a".to_owned()),
        body: Some("某某区人民政府".to_owned()),
        year: Some(2026),
        body_type: Some(BodyType::Government),
        locked: vec![FieldRef::Body],
        origins: vec!["https://portal.example".to_owned()],
        ..Embedding::default()
    }
}

#[test]
fn a_portal_prefills_and_locks_its_fields() {
    let store = Rc::new(MemoryStore::default());
    let mut page = open_tab(&store, portal(), 1);
    assert_eq!(page.state.editing.report.meta.body, "某某区人民政府");
    assert_eq!(
        page.state.editing.report.meta.body_type,
        BodyType::Government
    );
    let (next, effects) = page.state.apply(Action::Edit(Edit::Field(
        FieldRef::Body,
        "别的机关".to_owned(),
    )));
    assert!(effects.is_empty());
    assert_eq!(next, page.state);
    page.act(Action::Edit(Edit::Cell(received(0), "1".to_owned())));
    assert!(
        store
            .keys()
            .iter()
            .all(|key| key.starts_with("ogi-report:v1:portal-a:")),
        "{:?}",
        store.keys()
    );
    // The page without the portal's namespace does not see its drafts.
    assert!(tab(&store).state.drafts.list.is_empty());
}

#[test]
fn a_report_file_from_the_host_becomes_a_new_draft_with_the_locked_body() {
    let store = Rc::new(MemoryStore::default());
    let mut page = open_tab(&store, portal(), 1);
    let mut report = Report::new_draft();
    report.meta.body = "别的机关".to_owned();
    report.meta.year = Some(2026);
    let text = ogi_report_core::write_report(&report);
    let before = page.state.drafts.id.clone();
    page.act(Action::Env(Env::HostLoad(text)));
    assert_ne!(page.state.drafts.id, before);
    assert_eq!(page.state.editing.report.meta.body, "某某区人民政府");
    assert!(page.state.dialogs.notice.is_some());
}

#[test]
fn an_unreadable_file_changes_nothing_and_says_why() {
    let state = fresh()
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0;
    let (next, effects) = state.apply(Action::Draft(Draft::OpenFile {
        name: "上年.json".to_owned(),
        text: "{\"format\":".to_owned(),
    }));
    assert!(effects.is_empty());
    assert_eq!(next.editing.report, state.editing.report);
    assert!(notice(&next).starts_with("文件「上年.json」未能打开"));
}

#[test]
fn starting_from_last_years_report_carries_over_its_pending_requests() {
    let mut last_year = Report::new_draft();
    last_year.meta.year = Some(2025);
    last_year.edit_cell(
        CellRef::Request {
            row: ROW_CARRIED_FORWARD,
            col: 0,
        },
        "4",
    );
    let (state, effects) = fresh().apply(Action::Import(Import::StartFromLastYear {
        name: "2025.json".to_owned(),
        text: ogi_report_core::write_report(&last_year),
    }));
    assert_eq!(saves(&effects), 1);
    assert_eq!(state.editing.report.meta.year, Some(2026));
    assert_eq!(
        value(&state, CellRef::Request { row: 1, col: 0 }),
        Some(4),
        "上年结转 = last year's 结转下年度继续办理"
    );
    assert_eq!(
        value(
            &state,
            CellRef::Request {
                row: ROW_TOTAL,
                col: 0
            }
        ),
        None
    );
}

#[test]
fn the_history_keeps_a_bounded_number_of_steps() {
    let mut state = fresh();
    for n in 0..400 {
        let cell = received(n % 6);
        state = state.apply(Action::Edit(Edit::Cell(cell, n.to_string()))).0;
    }
    assert!(
        (200..=300).contains(&state.editing.history.undo_steps()),
        "{:?}",
        state.editing.history
    );
}

/// Last year's report of a body: 结转下年度 6 in each column, the rest as a finished report has it.
fn last_years_report(body: &str, year: i32) -> Report {
    let mut last_year = Report::new_draft();
    last_year.meta.body = body.to_owned();
    last_year.meta.year = Some(year);
    last_year.fill_blanks_with_zero();
    for col in 0..6 {
        last_year.edit_cell(
            CellRef::Request {
                row: ROW_CARRIED_FORWARD,
                col,
            },
            "6",
        );
    }
    last_year
}

fn errors(state: &State) -> Vec<&'static str> {
    state
        .editing
        .findings
        .iter()
        .filter(|finding| finding.severity == ogi_report_core::Severity::Error)
        .map(|finding| finding.rule)
        .collect()
}

#[test]
fn a_draft_started_from_last_year_shows_no_error_until_a_relation_is_filled() {
    let last_year = last_years_report("东南隅街道办事处", 2025);
    let state = fresh()
        .apply(Action::Import(Import::StartFromLastYear {
            name: "2025.json".to_owned(),
            text: ogi_report_core::write_report(&last_year),
        }))
        .0;
    assert_eq!(value(&state, CellRef::Request { row: 1, col: 0 }), Some(6));
    assert!(
        errors(&state).is_empty(),
        "carried over, nothing typed: {:?}",
        state.editing.findings
    );
    // Typing this year's figures is still filling: no error while a column has blanks.
    let state = state
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0;
    assert!(errors(&state).is_empty(), "{:?}", errors(&state));
    // Every cell filled: the relation is judged, in the column where the mistake is, once (the
    // other columns carry their 6 forward; the 总计 column is off by the same 5 and not told).
    let mut state = state;
    for col in 1..6 {
        let cell = CellRef::Request {
            row: ROW_CARRIED_FORWARD,
            col,
        };
        state = state
            .apply(Action::Edit(Edit::Cell(cell, "6".to_owned())))
            .0;
    }
    assert!(errors(&state).is_empty(), "{:?}", errors(&state));
    let state = state.apply(Action::Edit(Edit::FillBlanks)).0;
    assert_eq!(errors(&state), ["R1"], "{:?}", state.editing.findings);
    // 检查 names what is still blank, and accuses no relation through a blank.
    let (checked, _) = fresh()
        .apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())))
        .0
        .apply(Action::Edit(Edit::Check));
    assert!(errors(&checked).contains(&"R8"));
    assert!(!errors(&checked).contains(&"R1"));
}

fn imported(state: &State, report: Report) -> State {
    state
        .apply(Action::Import(Import::Read {
            source: "文件「上年.docx」".to_owned(),
            result: Box::new(Ok((report, None))),
        }))
        .0
}

#[test]
fn the_import_dialogs_default_follows_the_control_used() {
    use ogi_report::model::state::ImportUse;
    let state = fresh();
    assert_eq!(
        state.apply(Action::Import(Import::Open)).0.imports.intent,
        ImportUse::NewDraft
    );
    for intent in [
        ImportUse::StartThisYear,
        ImportUse::AttachAsPrevious,
        ImportUse::NewDraft,
    ] {
        let (reading, _) = state.apply(Action::Import(Import::Started {
            source: "文件「上年.docx」".to_owned(),
            intent: Some(intent),
        }));
        assert_eq!(reading.imports.intent, intent);
        // The dialog's own chooser keeps what the control asked for.
        let (again, _) = reading.apply(Action::Import(Import::Started {
            source: "文件「另一份.docx」".to_owned(),
            intent: None,
        }));
        assert_eq!(again.imports.intent, intent);
        assert_eq!(
            imported(&again, last_years_report("", 2025)).imports.intent,
            intent
        );
    }
}

#[test]
fn another_bodys_or_another_years_report_is_asked_about_first() {
    let mut state = fresh();
    state.editing.report.meta.body = "东南隅街道办事处".to_owned();
    let attach = |state: &State, report: &Report| {
        state.apply(Action::Import(Import::AttachPrevious {
            name: "上年.json".to_owned(),
            text: ogi_report_core::write_report(report),
        }))
    };
    // The right one (its title copied with a space in it): attached at once.
    let (right, effects) = attach(&state, &last_years_report("东南隅 街道办事处", 2025));
    assert!(right.imports.question.is_none());
    assert!(right.editing.report.previous.is_some());
    assert_eq!(saves(&effects), 1);
    // Another body's report of 2023: asked, naming both bodies and the years; nothing changed.
    let (asked, effects) = attach(&state, &last_years_report("西北隅街道办事处", 2023));
    let question = asked.imports.question.clone().expect("a question");
    assert!(asked.editing.report.previous.is_none());
    assert_eq!(saves(&effects), 0);
    assert!(
        question.doubts[0].contains("「西北隅街道办事处」")
            && question.doubts[0].contains("「东南隅街道办事处」"),
        "{:?}",
        question.doubts
    );
    assert!(
        question.doubts[1].contains("2023 年度") && question.doubts[1].contains("2025 年度"),
        "{:?}",
        question.doubts
    );
    let (declined, _) = asked.apply(Action::Import(Import::Answer(false)));
    assert!(declined.imports.question.is_none() && declined.editing.report.previous.is_none());
    let (accepted, effects) = asked.apply(Action::Import(Import::Answer(true)));
    assert!(accepted.editing.report.previous.is_some());
    assert_eq!(saves(&effects), 1);
    // Starting from a report two years old asks too; from last year's it does not.
    let (opened, _) = fresh().apply(Action::Import(Import::Open));
    let read = imported(&opened, last_years_report("", 2024));
    let (asked, _) = read.apply(Action::Import(Import::Confirm(
        ogi_report::model::state::ImportUse::StartThisYear,
    )));
    assert!(
        asked.imports.question.as_ref().unwrap().doubts[0].contains("将是 2025 年度"),
        "{:?}",
        asked.imports.question
    );
    let read = imported(&opened, last_years_report("", 2025));
    let (started, _) = read.apply(Action::Import(Import::Confirm(
        ogi_report::model::state::ImportUse::StartThisYear,
    )));
    assert!(started.imports.question.is_none());
    assert_eq!(started.editing.report.meta.year, Some(2026));
}

#[test]
fn the_first_visit_hint_closes_for_good() {
    let store = Rc::new(MemoryStore::default());
    let mut first = tab(&store);
    assert!(first.state.dialogs.hint);
    first.act(Action::Dialog(Dialog::CloseHint));
    assert!(!first.state.dialogs.hint);
    assert!(!tab(&store).state.dialogs.hint, "the next visit");
}

#[test]
fn the_closing_starts_from_the_body_and_today() {
    let mut state = fresh();
    state.editing.report.meta.body = "东南隅街道办事处".to_owned();
    let (signed, effects) = state.apply(Action::Edit(Edit::SetClosing(true)));
    assert_eq!(signed.editing.report.closing.body, "东南隅街道办事处");
    assert_eq!(signed.editing.report.closing.date, "2026年12月3日");
    assert_eq!(saves(&effects), 1);
    let (edited, _) = signed.apply(Action::Edit(Edit::Field(
        FieldRef::ClosingDate,
        "2027年1月20日".to_owned(),
    )));
    assert_eq!(edited.editing.report.closing.date, "2027年1月20日");
    assert!(edited
        .apply(Action::Edit(Edit::SetClosing(false)))
        .0
        .editing
        .report
        .closing
        .is_empty());
}

/// A county office's pack: its year, deadline, list (one unit with its type) and threshold.
fn county_pack() -> Embedding {
    let mut pack = ogi_report_core::pack::Pack::new("某某区政务公开办", 2026);
    pack.deadline = Date::new(2027, 1, 15);
    pack.set_units("单位名称\t类型\n东城街道办事处\t部门\n某某镇人民政府\t人民政府\n");
    pack.copied_percent = 40;
    Embedding {
        pack: Some(Rc::new(pack)),
        one_file: true,
        ..Embedding::default()
    }
}

#[test]
fn a_handed_down_page_starts_on_the_offices_year_and_names_its_deadline() {
    let store = Rc::new(MemoryStore::default());
    let mut page = open_tab(&store, county_pack(), 1);
    assert_eq!(page.state.editing.report.meta.year, Some(2026));
    page.act(Action::Edit(Edit::Field(
        FieldRef::Body,
        "某某镇人民政府".to_owned(),
    )));
    assert_eq!(
        page.state.editing.report.meta.body_type,
        BodyType::Government,
        "a listed unit takes the type the list gives it"
    );
    page.act(Action::Edit(Edit::Field(
        FieldRef::Text(Narrative::Overview, 0),
        "本年度".to_owned(),
    )));
    let reminder = page
        .state
        .editing
        .findings
        .iter()
        .find(|finding| finding.rule == "R18")
        .expect("the deadline reminder");
    assert_eq!(
        reminder.message,
        "本报告应于2027年1月15日前报送（某某区政务公开办的通知），还有 43 天。"
    );
    page.act(Action::Edit(Edit::Field(
        FieldRef::Body,
        "西城街道".to_owned(),
    )));
    assert_eq!(
        page.state.editing.report.meta.body_type,
        BodyType::Government,
        "a name not on the list leaves the type as chosen"
    );
}

#[test]
fn a_handed_down_page_says_where_the_report_file_goes_back() {
    let store = Rc::new(MemoryStore::default());
    let mut page = open_tab(&store, county_pack(), 1);
    page.act(Action::Edit(Edit::Field(
        FieldRef::Body,
        "东城街道办事处".to_owned(),
    )));
    page.act(Action::Draft(Draft::DownloadReportFile));
    assert!(matches!(
        page.world.outside.last(),
        Some(Effect::DownloadReportFile(report)) if report.meta.body == "东城街道办事处"
    ));
    assert_eq!(
        notice(&page.state),
        "报告文件「东城街道办事处2026年政府信息公开工作年度报告.json」已交给浏览器下载。请于2027年1月15日前将报告文件报送某某区政务公开办。"
    );
}

#[test]
fn a_handed_down_threshold_is_the_one_the_copied_text_check_uses() {
    // Half of the overview's text is last year's: under the law's 70 %, over the county's 40 %.
    let last = "本机关认真贯彻落实政府信息公开条例的各项要求。全年主动公开各类政府信息一百余条。";
    let new = "今年本机关进一步完善了依申请公开的办理流程。新增公开事项目录并按季度更新维护。";
    let mut previous = Report::new_draft();
    previous.sections_mut(Narrative::Overview)[0].text = last.to_owned();
    let checked = |embedding: Embedding| {
        let store = Rc::new(MemoryStore::default());
        let mut page = open_tab(&store, embedding, 1);
        page.state.editing.report.previous = Some(Rc::new(previous.clone()));
        let text = format!("{last}{new}");
        page.act(Action::Edit(Edit::Field(
            FieldRef::Text(Narrative::Overview, 0),
            text,
        )));
        page.state
            .editing
            .findings
            .iter()
            .any(|finding| finding.rule == "R17")
    };
    assert!(!checked(Embedding::default()));
    assert!(checked(county_pack()));
}

#[test]
fn an_import_is_performed_by_the_runtime_only_while_its_dialog_is_open() {
    let store = Rc::new(MemoryStore::default());
    let mut page = open_tab(&store, Embedding::default(), 1);
    let bytes: Rc<[u8]> = Rc::from("2021年政府信息公开工作年度报告".as_bytes());
    let import = |bytes: &Rc<[u8]>| {
        Action::Import(Import::Bytes {
            source: "文件「上年.txt」".to_owned(),
            name: "上年.txt".to_owned(),
            bytes: bytes.clone(),
        })
    };
    page.act(import(&bytes));
    assert!(
        page.world.outside.is_empty(),
        "no dialog: nothing to read for"
    );
    page.act(Action::Import(Import::Started {
        source: "文件「上年.txt」".to_owned(),
        intent: None,
    }));
    page.act(import(&bytes));
    assert!(matches!(
        page.world.outside.last(),
        Some(Effect::Import { name, bytes: read, .. }) if name == "上年.txt" && **read == *bytes
    ));
}

/// Drafts saved by the previous release (tests/fixtures/local-storage-previous-release.json: the
/// envelope and report file exactly as it wrote them into localStorage, one holding a version-1
/// report) open unchanged through the typed reading: the same reports as the files they hold,
/// listed with their names and stamps, the current one opened at start.
#[test]
fn drafts_written_by_the_previous_release_open_unchanged() {
    let fixture: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/local-storage-previous-release.json")).unwrap();
    let store = Rc::new(MemoryStore::default());
    for (key, value) in &fixture {
        store.set(key, value).unwrap();
    }
    let drafts = Drafts::new(store.clone(), None);
    let listed: Vec<(String, String, DraftState)> = drafts
        .list()
        .into_iter()
        .map(|draft| (draft.id, draft.name, draft.state))
        .collect();
    assert_eq!(
        listed,
        [
            (
                "d-release".to_owned(),
                "老城区东南隅街道办事处 2021 年度".to_owned(),
                DraftState::Readable
            ),
            (
                "d-version-1".to_owned(),
                "去年的草稿".to_owned(),
                DraftState::Readable
            ),
        ]
    );
    let seed = ogi_report_core::read_report(include_str!("fixtures/seed-2021.json")).unwrap();
    assert_eq!(drafts.load("d-release").unwrap().report, seed);
    let version_1 =
        ogi_report_core::read_report(include_str!("fixtures/seed-2021.v1.json")).unwrap();
    assert_eq!(drafts.load("d-version-1").unwrap().report, version_1);
    let opened = tab(&store);
    assert_eq!(opened.state.drafts.id, "d-release");
    assert_eq!(opened.state.editing.report, seed);
}

/// The concerns of the state an action changed, by name.
fn concerns_changed(before: &State, after: &State) -> Vec<&'static str> {
    let mut changed = Vec::new();
    if before.editing != after.editing {
        changed.push("editing");
    }
    if before.drafts != after.drafts {
        changed.push("drafts");
    }
    if before.imports != after.imports {
        changed.push("imports");
    }
    if before.dialogs != after.dialogs {
        changed.push("dialogs");
    }
    if before.env != after.env {
        changed.push("env");
    }
    changed
}

/// Each concern's actions change that concern, and another only through what it asks of it: an
/// edit changes the report and asks for a save (drafts change when the save comes back), a
/// notice is the dialogs' own, a list read back the drafts', the host's word the environment's.
#[test]
fn each_concerns_actions_change_that_concern() {
    let state = fresh();
    let cases: Vec<(Action, &[&str])> = vec![
        (
            Action::Edit(Edit::Cell(received(0), "5".to_owned())),
            &["editing"],
        ),
        (Action::Edit(Edit::Check), &["editing"]),
        (Action::Edit(Edit::FillBlanks), &["editing", "dialogs"]),
        (Action::Draft(Draft::Listed(Vec::new())), &[]),
        (
            Action::Draft(Draft::Rename(state.drafts.id.clone(), "甲".to_owned())),
            &["drafts"],
        ),
        (Action::Import(Import::Open), &["imports"]),
        (
            Action::Dialog(Dialog::FileNotRead {
                name: "a.json".to_owned(),
                reason: "读取时出错。".to_owned(),
            }),
            &["dialogs"],
        ),
        (Action::Dialog(Dialog::CloseHint), &["dialogs"]),
        (Action::Env(Env::UpdateReady), &["env"]),
        (Action::Env(Env::PersistRefused), &["env"]),
    ];
    for (action, expected) in cases {
        let (next, _) = state.apply(action);
        assert_eq!(concerns_changed(&state, &next), expected);
    }
    // An edit asks for one save; its result, read back, is the drafts' own.
    let (edited, effects) = state.apply(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]));
    let page = tab(&Rc::new(MemoryStore::default()));
    let mut page = page;
    page.act(Action::Edit(Edit::Cell(received(0), "5".to_owned())));
    assert_eq!(page.state.drafts.save, SaveStatus::Saved);
    assert_eq!(page.state.editing.report, edited.editing.report);
}
