//! Moves focus to the cell or field a finding names, after the page has rendered.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::Jump;

#[hook]
pub fn use_jump_focus(jump: Option<Jump>) {
    use_effect_with(jump, |jump| {
        let Some(jump) = jump else { return };
        let selector = format!("[data-cell=\"{0}\"], [data-field=\"{0}\"]", jump.path);
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.query_selector(&selector).ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            let _ = element.focus();
        }
    });
}
