//! Learn: the short lessons, each on its own page, and the list of them all.

use super::context::PrefsCtx;
use crate::domain::lessons::{Block, Lesson, LessonsRead};
use crate::domain::library::{ladder, Ladder, Pattern};
use crate::platform::clock;
use crate::storage::prefs;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

fn read_lessons() -> LessonsRead {
    use_context::<PrefsCtx>()
        .map(|p| p.0.with(|p| p.reading().read))
        .unwrap_or_default()
}

/// Everything under `/learn`: one route, so the router holds one more screen, not three.
#[component]
pub fn LearnRoute() -> impl IntoView {
    let params = use_params_map();
    move || {
        let page = params.with(|p| p.get("page").unwrap_or_default());
        match page.trim_matches('/') {
            "" => view! { <Learn/> }.into_any(),
            "exercises" => view! { <ExerciseLibrary/> }.into_any(),
            slug => view! { <LessonPage slug=slug.to_string()/> }.into_any(),
        }
    }
}

#[component]
pub fn Learn() -> impl IntoView {
    let read = read_lessons();
    view! {
        <section class="screen" aria-labelledby="learn-title">
            <h1 id="learn-title">"Learn"</h1>
            <p class="lede">"Short reads on how backs get stronger and why your plan does what it does. Two minutes each, and they work offline."</p>
            <p class="muted">{format!("{} of {} read", read.count(), Lesson::ALL.len())}</p>
            <A href="/learn/exercises" attr:class="button library-link">"The exercises, shown moving"</A>
            <h2>"Lessons"</h2>
            <ol class="plain lessons">
                {Lesson::ALL.into_iter().map(|l| view! {
                    <li>
                        <A href=format!("/learn/{}", l.slug())>
                            {l.title()}
                            <span class=if read.has(l) { "done" } else { "" }>{if read.has(l) { format!("✓ Read · {} min", l.minutes()) } else { format!("{} min", l.minutes()) }}</span>
                        </A>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// Marks a lesson read the moment it is opened: what Today offers next follows from it.
fn mark_read(l: Lesson) {
    let Some(PrefsCtx(p)) = use_context::<PrefsCtx>() else {
        return;
    };
    if p.with_untracked(|p| p.reading().read.has(l)) {
        return;
    }
    p.update(|p| {
        let mut r = p.reading();
        r.read = r.read.with(l);
        r.last_read = Some(clock::today());
        p.set_reading(r);
    });
    // A full localStorage only loses the tick; the lesson is still shown.
    let _ = prefs::save(p.get_untracked());
}

#[component]
fn LessonPage(slug: String) -> impl IntoView {
    match Lesson::from_slug(&slug) {
        Some(l) => {
            mark_read(l);
            let next = Lesson::ALL.into_iter().skip_while(|x| *x != l).nth(1);
            view! {
                    <article class="screen lesson" aria-labelledby="lesson-title">
                        <p class="eyebrow">{format!("Learn · {} min read", l.minutes())}</p>
                        <h1 id="lesson-title">{l.title()}</h1>
                        {l.body().iter().map(|b| match *b {
                            Block::Para(p) => view! { <p>{p}</p> }.into_any(),
                            Block::Points(ps) => view! { <ul>{ps.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}</ul> }.into_any(),
                        }).collect_view()}
                        <nav class="lesson-nav" aria-label="Lessons">
                            {next.map(|n| view! { <A href=format!("/learn/{}", n.slug()) attr:class="button primary">{format!("Next: {}", n.title())}</A> })}
                            <A href="/learn" attr:class="button">"All lessons"</A>
                            <A href="/" attr:class="button">"Back to Today"</A>
                        </nav>
                    </article>
                }
                .into_any()
        }
        None => view! {
            <section class="screen">
                <h1>"Lesson not found"</h1>
                <p>"This lesson does not exist, perhaps from an old link. Your data is safe."</p>
                <A href="/learn">"All lessons"</A>
            </section>
        }
        .into_any(),
    }
}

/// Every exercise of the library, by movement pattern, each with its moving figure and cues.
#[component]
pub fn ExerciseLibrary() -> impl IntoView {
    // `?show=<id>` (from Today's drills) opens that exercise and brings it into view.
    let show = use_query_map().with_untracked(|q| q.get("show").unwrap_or_default());
    let opened = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        if let Some(el) = opened.get() {
            crate::platform::scroll::reveal(&el, true);
        }
    });
    view! {
        <section class="screen" aria-labelledby="library-title">
            <p class="eyebrow"><A href="/learn">"Learn"</A></p>
            <h1 id="library-title">"The exercises"</h1>
            <p class="lede">"Every movement your plan can give you, easiest first in each group. Open one to see it move."</p>
            {Pattern::ALL.into_iter().map(|pat| {
                let items: Vec<_> = Ladder::ALL
                    .into_iter()
                    .filter(|l| l.pattern() == pat)
                    .flat_map(ladder)
                    .collect();
                view! {
                    <section class="card" aria-label=pat.label()>
                        <h2>{pat.label()}</h2>
                        <ul class="plain drills">
                            {items.into_iter().map(|e| view! {
                                <li>
                                    <details class="exercise" data-id=e.id open=show == e.id node_ref=if show == e.id { opened } else { NodeRef::new() }>
                                        <summary><span>{e.name}</span>{e.careful.then(|| view! { <span class="badge">"Later"</span> })}</summary>
                                        <super::figure::ExerciseFigure exercise=e/>
                                        <ul class="cues">{e.cues.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul>
                                    </details>
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            }).collect_view()}
        </section>
    }
}
