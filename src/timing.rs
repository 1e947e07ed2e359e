//! Opt-in timing of the keystroke path for `make bench`. When the page is opened with
//! `window.__ogiTimings = {}` set before it starts, each measured step appends its duration
//! (ms) to `window.__ogiTimings[step]`; otherwise measuring is one thread-local check.

use std::cell::OnceCell;

use wasm_bindgen::JsValue;

thread_local! {
    static SINK: OnceCell<Option<(web_sys::Performance, js_sys::Object)>> = const { OnceCell::new() };
}

fn sink() -> Option<(web_sys::Performance, js_sys::Object)> {
    SINK.with(|cell| {
        cell.get_or_init(|| {
            let window = web_sys::window()?;
            let timings = js_sys::Reflect::get(&window, &JsValue::from_str("__ogiTimings")).ok()?;
            let timings: js_sys::Object = wasm_bindgen::JsCast::dyn_into(timings).ok()?;
            Some((window.performance()?, timings))
        })
        .clone()
    })
}

/// Runs `step`, recording its duration under `name` when timing is on.
pub fn measure<T>(name: &str, step: impl FnOnce() -> T) -> T {
    let Some((performance, timings)) = sink() else {
        return step();
    };
    let start = performance.now();
    let result = step();
    let elapsed = performance.now() - start;
    let key = JsValue::from_str(name);
    let list = js_sys::Reflect::get(&timings, &key)
        .ok()
        .and_then(|value| wasm_bindgen::JsCast::dyn_into::<js_sys::Array>(value).ok())
        .unwrap_or_else(|| {
            let list = js_sys::Array::new();
            let _ = js_sys::Reflect::set(&timings, &key, &list);
            list
        });
    list.push(&JsValue::from_f64(elapsed));
    result
}
