use leptos::prelude::*;

#[component]
pub fn History() -> impl IntoView {
    view! {
        <section class="screen" aria-labelledby="history-title">
            <h1 id="history-title">"History"</h1>
            <div class="card empty">
                <h2>"No workouts logged yet"</h2>
                <p>"Every set you log appears here, with your pain beside the load, so you can see the plan working over the months."</p>
            </div>
        </section>
    }
}
