//! A panic replaces the page with a readable message. It never touches stored drafts: the last
//! save is intact, and reloading the page brings it back.

use std::panic::PanicHookInfo;

/// Through Yew: a hook set with `std::panic::set_hook` is replaced by Yew's own console hook when
/// the app is rendered, and the page would die without a word.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(show));
}

fn show(info: &PanicHookInfo<'_>) {
    web_sys::console::error_1(&format!("ogi-report: {info}").into());
    show_crash_page(&info.to_string());
}

/// Replaces the page with the crash message; touches nothing but the document body.
pub fn show_crash_page(detail: &str) {
    if let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    {
        show_crash_message(&body, detail);
    }
}

/// Replaces `root`'s content with the crash message, the detail shown as text. The reload is a
/// link to this page: an inline `onclick` would be refused by the strict CSP.
pub fn show_crash_message(root: &web_sys::Element, detail: &str) {
    let detail = detail
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    root.set_inner_html(&format!(
        "<main class=\"crashed\" role=\"alert\"><h1>页面出现了意外错误</h1>\
         <p>很抱歉，本页面遇到程序错误，已停止运行。您最近一次保存的草稿完好地保存在本机浏览器中，刷新页面即可继续填写。</p>\
         <p>如问题反复出现，请把下面的错误信息提供给技术人员：</p><pre>{detail}</pre>\
         <p><a class=\"file-button\" href=\"\">刷新页面</a></p></main>"
    ));
}
