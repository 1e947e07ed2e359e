//! The reducer's caller: applies an action to the state, performs the effects it returns — in the
//! same event turn, so a keystroke's draft is stored before its event handler returns — and
//! feeds what they read back as actions. [`run`] is written over a [`World`], so the page's
//! behaviour with its store is tested natively (`tests/page_state.rs`, over a `MemoryStore`);
//! [`Browser`] is the page's world: localStorage, downloads, the on-demand package (exports and
//! imports alike), the host. Both matches over effects list every effect, with no `_` arm: an
//! effect added to the reducer does not compile until the runtime performs it.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use yew::{Callback, Reducible};

use crate::browser::local_storage::BrowserStorage;
use crate::model::state::{Action, Dialog, Draft, Effect, IdSource, Import, Saved, Start, State};
use crate::model::storage::Drafts;
use crate::model::store::Store;
use crate::{
    browser::clock, browser::download, browser::embed, browser::exports, browser::file_work, timing,
};

/// What effects act on.
pub trait World {
    type Store: Store;
    /// The drafts store, if this page has one (none: drafts live only in the page).
    fn drafts(&self) -> Option<&Drafts<Self::Store>>;
    /// The time a save is stamped with (ISO).
    fn now_iso(&self) -> String;
    /// A draft was stored at `at`.
    fn saved(&mut self, at: &str);
    fn download_text(&mut self, file_name: &str, mime: &str, text: &str);
    /// Exports, downloads of the report file, focus and replies to the host.
    fn outside(&mut self, effect: Effect);
}

/// Applies `action` and performs its effects in order; what an effect reads is applied at once
/// (depth first), so the next effect sees the state it led to.
pub fn run<W: World>(state: &State, action: Action, world: &mut W) -> State {
    let (mut state, effects) = state.apply(action);
    for effect in effects {
        if let Some(back) = perform(effect, world) {
            state = run(&state, back, world);
        }
    }
    state
}

fn perform<W: World>(effect: Effect, world: &mut W) -> Option<Action> {
    match effect {
        Effect::Save {
            id,
            name,
            report,
            ours,
            make_current,
        } => {
            let at = world.now_iso();
            let drafts = world.drafts()?;
            let result = timing::measure("save", || drafts.save(&id, &name, &report, &ours, &at));
            if result.is_ok() {
                if make_current {
                    drafts.set_current(&id);
                }
                world.saved(&at);
            }
            Some(Action::Draft(Draft::Saved(result.map(|text| Saved {
                id,
                text,
                at,
            }))))
        }
        Effect::SetCurrent(id) => {
            world.drafts()?.set_current(&id);
            None
        }
        Effect::Remove(id) => {
            world.drafts()?.remove(&id);
            None
        }
        Effect::CloseHint => {
            world.drafts()?.close_hint();
            None
        }
        Effect::List => Some(Action::Draft(Draft::Listed(world.drafts()?.list()))),
        Effect::ListAfterChange {
            key,
            new_value,
            drafts,
        } => Some(Action::Draft(Draft::Listed(
            world
                .drafts()?
                .list_after_change(&drafts, &key, new_value.as_deref()),
        ))),
        Effect::Load { id, then } => {
            let draft = world.drafts()?.load(&id).map(Box::new);
            Some(Action::Draft(Draft::Loaded { id, draft, then }))
        }
        Effect::DownloadCorrupt(id) => {
            let text = world.drafts()?.corrupt_text(&id)?;
            world.download_text(
                &format!("无法读取的草稿-{id}.txt"),
                "text/plain;charset=utf-8",
                &text,
            );
            None
        }
        // Listed, not caught by `_`: a new effect does not compile until it is performed.
        outside @ (Effect::DownloadReportFile(_)
        | Effect::Export(_)
        | Effect::Focus(_)
        | Effect::ReplyToHost { .. }
        | Effect::Import { .. }) => {
            world.outside(outside);
            None
        }
    }
}

/// The page in a browser.
pub struct Browser {
    drafts: Option<Rc<Drafts<BrowserStorage>>>,
}

thread_local! {
    /// Where results of effects that finish later (an export) are dispatched; set by `App`.
    static DISPATCH: RefCell<Option<Callback<Action>>> = const { RefCell::new(None) };
    static LOCAL: OnceCell<Result<Rc<Drafts<BrowserStorage>>, String>> = const { OnceCell::new() };
}

/// Gives the runtime the page's dispatcher, for the results of effects that finish later.
pub fn connect(dispatch: Callback<Action>) {
    DISPATCH.with(|cell| *cell.borrow_mut() = Some(dispatch));
}

fn later(action: Action) {
    if let Some(dispatch) = DISPATCH.with(|cell| cell.borrow().clone()) {
        dispatch.emit(action);
    }
}

/// The page's drafts in localStorage (its namespace), opened once, or why it cannot be used.
fn local_drafts() -> Result<Rc<Drafts<BrowserStorage>>, String> {
    LOCAL.with(|cell| {
        cell.get_or_init(|| {
            crate::browser::local_storage::local_storage(embed::config().namespace.as_deref())
                .map(Rc::new)
        })
        .clone()
    })
}

/// The state the page opens with.
pub fn load() -> State {
    let local = local_drafts();
    State::start(Start {
        today: clock::today_in_china(),
        embedding: (*embed::config()).clone(),
        ids: IdSource {
            loaded_at_ms: js_sys::Date::now() as u64,
            random: (js_sys::Math::random() * 1e6) as u32,
            issued: 0,
        },
        drafts: local.as_deref().map_err(Clone::clone),
    })
}

impl World for Browser {
    type Store = BrowserStorage;

    fn drafts(&self) -> Option<&Drafts<BrowserStorage>> {
        self.drafts.as_deref()
    }

    fn now_iso(&self) -> String {
        clock::now_iso()
    }

    fn saved(&mut self, at: &str) {
        embed::post("saved", &[("savedAt", at.into())]);
    }

    fn download_text(&mut self, file_name: &str, mime: &str, text: &str) {
        download::download_text(file_name, mime, text);
    }

    fn outside(&mut self, effect: Effect) {
        match effect {
            Effect::DownloadReportFile(report) => exports::download_report_file(&report),
            Effect::ReplyToHost { origin, report } => {
                embed::post_to(&origin, "report", &[("report", report.into())])
            }
            // The package renders it behind a promise, so the result (and printing) comes back as
            // an action after this turn, never inside the reducer.
            Effect::Export(request) => {
                let output = request.output;
                exports::export(&request, move |result| {
                    later(Action::Dialog(Dialog::ExportFinished(output, result)))
                });
            }
            // In a microtask: after the reducer has returned and Yew has drawn this action (a
            // closed dialog), so the blur and focus handlers dispatch outside the reducer, yet
            // still before the next event: the user's key or click has already moved focus.
            Effect::Focus(path) => {
                let task = wasm_bindgen::closure::Closure::once(move |_: wasm_bindgen::JsValue| {
                    focus(&path)
                });
                let _ = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL).then(&task);
                // Freed by nothing: one small closure per jump, as file_work's promises.
                task.forget();
            }
            // The package reads it behind a promise; the result comes back as an action.
            Effect::Import {
                source,
                name,
                bytes,
            } => file_work::import(&bytes, &name, move |result| {
                later(Action::Import(Import::Read {
                    source,
                    result: Box::new(result),
                }))
            }),
            // The store's effects, performed by `perform` before anything reaches the world.
            Effect::Save { .. }
            | Effect::SetCurrent(_)
            | Effect::Remove(_)
            | Effect::List
            | Effect::ListAfterChange { .. }
            | Effect::Load { .. }
            | Effect::DownloadCorrupt(_)
            | Effect::CloseHint => {}
        }
    }
}

/// Scrolls the cell or field with `path` into view and focuses it.
fn focus(path: &str) {
    use wasm_bindgen::JsCast;
    let selector = format!("[data-cell=\"{path}\"], [data-field=\"{path}\"]");
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(&selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = element.focus();
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut world = Browser {
            drafts: match self.drafts.storage {
                crate::model::state::StorageMode::Local => local_drafts().ok(),
                crate::model::state::StorageMode::Memory { .. } => None,
            },
        };
        Rc::new(run(&self, action, &mut world))
    }
}
