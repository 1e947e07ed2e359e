//! Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo — the page's own history of edits across tables
//! and narrative, in place of each input's separate browser undo.

use web_sys::KeyboardEvent;
use yew::prelude::*;

use super::window_listener::listen;
use crate::model::state::{Action, Edit};

#[hook]
pub fn use_undo_keys(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        listen("keydown", move |event: KeyboardEvent| {
            if !(event.ctrl_key() || event.meta_key()) || event.alt_key() || event.is_composing() {
                return;
            }
            let action = match (event.key().to_ascii_lowercase().as_str(), event.shift_key()) {
                ("z", false) => Action::Edit(Edit::Undo),
                ("z", true) | ("y", false) => Action::Edit(Edit::Redo),
                _ => return,
            };
            event.prevent_default();
            dispatch.emit(action);
        })
    });
}
