//! The embedding host's messages (docs/embedding.md): `load` and `get-report` from the host,
//! `ready`, `saved` and `validity` to it. `validity` counts what 检查 would find now (the final
//! check), so a portal can tell whether the report is ready to submit. Only the origins
//! configured in the page's URL are heard or written to; anything else is ignored.

use ogi_report_core::rules::{check, tally, Context};
use ogi_report_core::Report;
use wasm_bindgen::JsValue;
use web_sys::MessageEvent;
use yew::prelude::*;

use super::window_listener::listen;
use crate::browser::embed;
use crate::model::state::{Action, Env};

fn on_message(event: MessageEvent, dispatch: &Callback<Action>) {
    if !embed::config().accepts(&event.origin()) {
        return;
    }
    let data = event.data();
    let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
    match field("type").and_then(|kind| kind.as_string()).as_deref() {
        Some("load") => {
            let report = field("report").unwrap_or(JsValue::UNDEFINED);
            let text = report.as_string().or_else(|| {
                js_sys::JSON::stringify(&report)
                    .ok()
                    .and_then(|text| text.as_string())
            });
            if let Some(text) = text {
                dispatch.emit(Action::Env(Env::HostLoad(text)));
            }
        }
        Some("get-report") => dispatch.emit(Action::Env(Env::HostGetReport(event.origin()))),
        _ => {}
    }
}

#[hook]
pub fn use_host_messages(dispatch: Callback<Action>, report: Report) {
    use_effect_with((), move |_| {
        let cleanup = listen("message", move |event: MessageEvent| {
            on_message(event, &dispatch)
        });
        embed::post("ready", &[]);
        cleanup
    });
    // A second, final-stage check per edit is worth it only when a host listens.
    let counts = use_memo(report, |report| {
        if embed::config().origins.is_empty() {
            (0, 0)
        } else {
            tally(&check(report, &Context::default()))
        }
    });
    let (errors, warnings) = *counts;
    use_effect_with((errors, warnings), |(errors, warnings)| {
        embed::post(
            "validity",
            &[
                ("errors", (*errors as u32).into()),
                ("warnings", (*warnings as u32).into()),
            ],
        );
    });
}
