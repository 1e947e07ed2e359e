//! ogi-report: the filling page of the 政府信息公开工作年度报告, a Yew app compiled to wasm.
//! Every label, rule and file format comes from `ogi-report-core`; this crate owns only the page,
//! in three layers: [`model`] (pure: the state and reducer, drafts over a store, history),
//! [`browser`] (the runtime that performs effects, the file-work package, downloads, the
//! configuration read from the URL), [`view`] (components and hooks); and the separately loaded
//! tools page ([`tools`]: 汇总, the year-over-year view, 审阅 and 下发).

pub mod browser;
pub mod model;
pub mod timing;
#[cfg(feature = "tools")]
pub mod tools;
pub mod view;

/// Mounts the filling page into `<body>`.
pub fn start() {
    mount::<view::app::App>();
}

/// Mounts a page's root component, with the readable crash page installed first.
pub(crate) fn mount<Root>()
where
    Root: yew::BaseComponent,
    Root::Properties: Default,
{
    browser::panic::install();
    if let Some(loading) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("loading"))
    {
        loading.remove();
    }
    yew::Renderer::<Root>::new().render();
}
