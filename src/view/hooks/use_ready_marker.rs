//! Marks the document `data-app-ready="true"` once a page's root has rendered: the signal tests
//! and embedding hosts wait for before they act.

use yew::prelude::*;

#[hook]
pub fn use_ready_marker() {
    use_effect_with((), |_| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-app-ready", "true");
        }
    });
}
