//! Opt-in timing of the keystroke path for `make bench`, compiled only with the `timing` feature
//! (the benchmark's own build and the component tests). There, when the page is opened with
//! `window.__ogiTimings = {}` set before it starts, each measured step appends its duration (ms)
//! to `window.__ogiTimings[step]`, and each component drawn counts one in
//! `window.__ogiTimings["drawn:<component>"]`. In production builds `measure` just runs the step
//! and `drawn` is nothing.

#[cfg(feature = "timing")]
use std::cell::OnceCell;

#[cfg(feature = "timing")]
use wasm_bindgen::JsValue;

#[cfg(not(feature = "timing"))]
pub fn measure<T>(_name: &str, step: impl FnOnce() -> T) -> T {
    step()
}

#[cfg(not(feature = "timing"))]
pub fn drawn(_component: &str) {}

#[cfg(feature = "timing")]
thread_local! {
    static SINK: OnceCell<Option<(web_sys::Performance, js_sys::Object)>> = const { OnceCell::new() };
}

#[cfg(feature = "timing")]
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
#[cfg(feature = "timing")]
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

/// Counts one drawing of `component`: what a keystroke draws again is then visible to the
/// benchmark and to the component tests.
#[cfg(feature = "timing")]
pub fn drawn(component: &str) {
    let Some((_, timings)) = sink() else {
        return;
    };
    let key = JsValue::from_str(&format!("drawn:{component}"));
    let count = js_sys::Reflect::get(&timings, &key)
        .ok()
        .and_then(|value| value.as_f64())
        .unwrap_or(0.0);
    let _ = js_sys::Reflect::set(&timings, &key, &JsValue::from_f64(count + 1.0));
}
