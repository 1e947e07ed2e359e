//! Listens for `storage` events: another tab or window wrote to this page's storage.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, State};

#[hook]
pub fn use_storage_events(dispatch: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let listener =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
                if let Some(key) = event.key() {
                    dispatch.dispatch(Action::StorageChanged {
                        key,
                        new_value: event.new_value(),
                    });
                }
            });
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window
                .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback(
                    "storage",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
