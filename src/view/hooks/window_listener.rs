//! Listening on the window from an effect: adds the listener and returns the cleanup that
//! removes it, so each hook states only what it listens for.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::convert::FromWasmAbi;
use wasm_bindgen::JsCast;

/// Adds `handler` for `event` on the window; the returned function removes it.
pub fn listen<E: FromWasmAbi + 'static>(
    event: &'static str,
    handler: impl Fn(E) + 'static,
) -> impl FnOnce() {
    let listener = Closure::<dyn Fn(E)>::new(handler);
    let window = web_sys::window();
    if let Some(window) = &window {
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(window) = window {
            let _ = window
                .remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
    }
}
