//! The page's components. Each receives plain data as props and emits only typed actions,
//! through its `on_action` callback (one `Callback` for the page's life, so props stay equal);
//! none keeps report state of its own or touches storage.

pub mod cell_input;
pub mod closing;
pub mod drafts;
pub mod export_gate;
pub mod findings;
pub mod first_steps;
pub mod handed_down;
pub mod header;
pub mod import_dialog;
pub mod layout_cell;
pub mod narrative;
pub mod nav;
pub mod notices;
pub mod question;
pub mod table_four;
pub mod table_three;
pub mod table_two;
pub mod toolbar;
