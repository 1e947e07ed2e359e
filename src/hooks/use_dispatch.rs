//! How components send actions: the page's dispatch as a context (`App` provides it), so a
//! component depends on the actions it emits, not on how the state is held.

use yew::prelude::*;

use crate::state::Action;

#[hook]
pub fn use_dispatch() -> Callback<Action> {
    // Every component of the filling page is inside `App`'s provider.
    use_context::<Callback<Action>>().expect("the page's dispatch is provided by App")
}
