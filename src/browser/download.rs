//! Saving a file from the page: a Blob, an object URL and a temporary link, all in the browser.

use wasm_bindgen::JsCast;

/// Starts a download of `text`; returns false if the browser refused.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    download_bytes(file_name, mime, text.as_bytes())
}

/// Starts a download of `bytes`; returns false if the browser refused.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> bool {
    try_download(file_name, mime, bytes).is_some()
}

fn try_download(file_name: &str, mime: &str, bytes: &[u8]) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.set_attribute("hidden", "").ok()?;
    document.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a later task is safe.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)
        .ok()?;
    Some(())
}
