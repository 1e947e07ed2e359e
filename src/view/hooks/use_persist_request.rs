//! Asks the browser once to keep this site's storage (`navigator.storage.persist()`); when it
//! declines, the page gently suggests keeping a downloaded file.

use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::model::state::{Action, Env};

#[hook]
pub fn use_persist_request(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let manager = web_sys::window().map(|window| window.navigator().storage());
        if let Some(promise) = manager.and_then(|manager| manager.persist().ok()) {
            let answered = Closure::once(move |granted: wasm_bindgen::JsValue| {
                if granted.as_bool() != Some(true) {
                    dispatch.emit(Action::Env(Env::PersistRefused));
                }
            });
            let _ = promise.then(&answered);
            // Runs once when the browser answers; it must outlive this effect.
            answered.forget();
        }
    });
}
