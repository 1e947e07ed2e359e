//! A modal dialog takes the focus when it opens (so a keyboard or screen-reader user is inside
//! it), and Escape closes it with `close`, as the 取消/返回修改 button does.

use yew::prelude::*;

/// The ref of what takes the focus when the dialog opens — the dialog element (give it
/// `tabindex="-1"`), or its default button — and the dialog's `onkeydown`.
#[hook]
pub fn use_dialog(close: Callback<()>) -> (NodeRef, Callback<KeyboardEvent>) {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            close.emit(());
        }
    });
    (dialog, onkeydown)
}
