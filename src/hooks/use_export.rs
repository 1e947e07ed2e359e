//! Performs the export the reducer let through its 检查 gate, after the page has rendered: the
//! file is rendered by the on-demand package, so the result comes back as an action.

use yew::prelude::*;

use crate::exports::{self, ExportRequest};
use crate::state::{Action, State};

#[hook]
pub fn use_export(request: Option<ExportRequest>, dispatch: UseReducerDispatcher<State>) {
    // Keyed by the request's number: a re-render never exports twice.
    let seq = request.as_ref().map(|request| request.seq);
    use_effect_with(seq, move |_| {
        if let Some(request) = request {
            let output = request.output;
            exports::export(&request, move |result| {
                dispatch.dispatch(Action::ExportFinished(output, result))
            });
        }
    });
}
