//! Hears from `assets/sw-register.js` that a newer build is installed (`ogi-update-ready`), and
//! asks it to switch when the user chooses (`ogi-apply-update`). The page never reloads by itself.

use yew::prelude::*;

use super::window_listener::listen;
use crate::model::state::{Action, Env};

#[hook]
pub fn use_service_worker(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        listen("ogi-update-ready", move |_: web_sys::Event| {
            dispatch.emit(Action::Env(Env::UpdateReady))
        })
    });
}

/// Activates the waiting build; the page reloads once it is in control (the draft is saved).
pub fn apply_update() {
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("ogi-apply-update"))
    {
        let _ = window.dispatch_event(&event);
    }
}
