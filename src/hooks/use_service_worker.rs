//! Hears from `assets/sw-register.js` that a newer build is installed (`ogi-update-ready`), and
//! asks it to switch when the user chooses (`ogi-apply-update`). The page never reloads by itself.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::{Action, State};

#[hook]
pub fn use_service_worker(dispatch: UseReducerDispatcher<State>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn()>::new(move || dispatch.dispatch(Action::UpdateReady));
        let window = web_sys::window();
        if let Some(window) = &window {
            let _ = window.add_event_listener_with_callback(
                "ogi-update-ready",
                listener.as_ref().unchecked_ref(),
            );
        }
        move || {
            if let Some(window) = window {
                let _ = window.remove_event_listener_with_callback(
                    "ogi-update-ready",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// Activates the waiting build; the page reloads once it is in control (the draft is saved).
pub fn apply_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("ogi-apply-update"))
    {
        let _ = window.dispatch_event(&event);
    }
}
