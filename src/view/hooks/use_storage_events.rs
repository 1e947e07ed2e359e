//! Listens for `storage` events: another tab or window wrote to this page's storage.

use yew::prelude::*;

use super::window_listener::listen;
use crate::model::state::{Action, Draft};

#[hook]
pub fn use_storage_events(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        listen("storage", move |event: web_sys::StorageEvent| {
            if let Some(key) = event.key() {
                dispatch.emit(Action::Draft(Draft::StorageChanged {
                    key,
                    new_value: event.new_value(),
                }));
            }
        })
    });
}
