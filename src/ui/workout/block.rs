//! One exercise of the session: folded to a line when it is not the one in hand, open
//! with its sets, its pain fold and its swaps when it is.

use super::*;

/// One exercise of the session: open and large while it is the one in focus, else folded
/// to a line that says where it stands and opens it with a tap.
#[component]
pub(super) fn BlockView(
    index: usize,
    live: Live,
    units: Units,
    focused: Memo<Option<usize>>,
    open: RwSignal<Option<usize>>,
) -> impl IntoView {
    let block = Memo::new(move |_| live.model.with(|m| m.blocks[index].clone()));
    let expanded = Memo::new(move |_| focused.get() == Some(index));
    // An opened exercise that gets done hands the focus on to the next one.
    Effect::new(move |was: Option<BlockState>| {
        let state = block.with(|b| b.state());
        if was == Some(BlockState::Active)
            && state != BlockState::Active
            && open.get_untracked() == Some(index)
            && !matches!(state, BlockState::Ended(_))
        {
            open.set(None);
        }
        state
    });
    let card = NodeRef::<leptos::html::Article>::new();
    Effect::new(move |was: Option<bool>| {
        let now = expanded.get();
        if now && was == Some(false) {
            // After this frame's updates: the block folded above may have grown a note.
            request_animation_frame(move || {
                if let Some(el) = card.get_untracked() {
                    crate::platform::scroll::reveal(&el, false);
                }
            });
        }
        now
    });
    let heading_id = format!("ex-{index}");
    let labelled = heading_id.clone();
    view! {
        <article class=move || if expanded.get() { "card block open" } else { "block folded" } aria-labelledby=labelled node_ref=card>
            {move || if expanded.get() {
                view! { <OpenBlock live=live units=units block=block heading_id=heading_id.clone()/> }.into_any()
            } else {
                let (mark, name, mut detail) = block.with(|b| folded_line(b, units));
                let key = block.with(|b| b.current().item.key.clone());
                if live.plan.with_value(|p| p.own.iter().any(|o| o.own.log_id() == key && o.careful_for_now)) {
                    detail.push_str(" · Careful for now");
                }
                // What the rule said about a finished or stopped exercise stays in sight.
                let said = block.with(|b| {
                    (b.state() != BlockState::Active).then(|| said_of(b, units)).flatten()
                }).filter(|(_, action, _, _)| *action != PainAction::Continue);
                view! {
                    <h2 id=heading_id.clone() class="line">
                        <button aria-expanded="false" on:click=move |_| open.set(Some(index))>
                            <span class=format!("mark {}", mark.0) aria-hidden="true">{mark.1}</span>
                            <span class="name">{name}</span>
                            <span class="dose">{detail}</span>
                        </button>
                    </h2>
                    {said.map(|(pain, action, _, text)| view! { <div class="folded-said"><SaidNote pain=pain action=action text=text/></div> })}
                }.into_any()
            }}
        </article>
    }
}

/// How a folded exercise reads: a mark, its name, and where it stands.
pub(super) fn folded_line(
    b: &Block,
    units: Units,
) -> ((&'static str, &'static str), String, String) {
    let step = b.current();
    let pain = b
        .worst_pain()
        .map(|p| format!(" · pain {}", p.value()))
        .unwrap_or_default();
    let done_sets = |s: &Step| -> Vec<SetTarget> {
        s.done
            .iter()
            .filter(|d| d.amount > 0)
            .map(|d| SetTarget {
                amount: d.amount,
                load: d.load,
            })
            .collect()
    };
    let (mark, detail) = match b.state() {
        BlockState::Done => (
            ("done", "✓"),
            format!(
                "All sets done · {}{pain}",
                dose_words(&done_sets(step), step.item.measure, units)
            ),
        ),
        BlockState::Ended(Ended::Stopped(p)) => (
            ("stopped", "■"),
            format!("Stopped for today · pain {}", p.value()),
        ),
        BlockState::Ended(Ended::Paused(p)) => (
            ("stopped", "■"),
            format!("Stopped and paused · pain {}", p.value()),
        ),
        BlockState::Active if step.sets_done() > 0 => (
            ("doing", "…"),
            format!(
                "{} of {} sets{pain}",
                step.sets_done(),
                step.sets_done() + step.remaining().len()
            ),
        ),
        BlockState::Active => (("next", "›"), item_dose(&step.item, units)),
    };
    (mark, step.item.name.to_string(), detail)
}

/// Marks a `<details>` as opened, so that what it folds away is built now and then kept: a
/// session starts without building the warm-up's figures or the pain grid while they are
/// folded. The summary's click comes before the details opens, so nothing shows empty;
/// `toggle` covers any other way it opens.
pub(super) fn unfold(opened: RwSignal<bool>) {
    if !opened.get_untracked() {
        opened.set(true);
    }
}

/// The name of an exercise a block served earlier.
pub(super) fn name_of(key: &str, b: &crate::domain::workout::Block) -> String {
    b.steps
        .iter()
        .find(|s| s.item.key == key)
        .map(|s| s.item.name.to_string())
        .or_else(|| exercise(key).map(|e| e.name.to_string()))
        .unwrap_or_else(|| key.to_string())
}
