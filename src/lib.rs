//! ogi-report: the filling page of the 政府信息公开工作年度报告, a Yew app compiled to wasm.
//! Every label, rule and file format comes from `ogi-report-core`; this crate owns only the page:
//! the pure state and reducer ([`state`]), the effects' performer ([`runtime`]), drafts in a store
//! ([`storage`] over [`store`]), components and hooks, and
//! the separately loaded tools page ([`tools`]: 汇总, the year-over-year view and 审阅).

pub mod app;
pub mod clock;
pub mod components;
pub mod download;
pub mod embed;
pub mod exports;
pub mod file_work;
pub mod files;
pub mod history;
pub mod hooks;
pub mod keys;
pub mod marks;
pub mod panic;
pub mod runtime;
pub mod state;
pub mod storage;
pub mod store;
pub mod timing;
#[cfg(feature = "tools")]
pub mod tools;

/// Mounts the filling page into `<body>`.
pub fn start() {
    mount::<app::App>();
}

/// Mounts a page's root component, with the readable crash page installed first.
pub(crate) fn mount<Root>()
where
    Root: yew::BaseComponent,
    Root::Properties: Default,
{
    panic::install();
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    yew::Renderer::<Root>::new().render();
}
