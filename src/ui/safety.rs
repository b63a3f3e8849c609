//! The red-flag questions and what the app says to a "yes" (rules §1), shared by
//! onboarding, the monthly check and the gate on Today.

use crate::domain::safety::{
    next_safety_moment, red_flag_urgency, ClearanceProblem, RedFlag, Urgency,
};
use leptos::prelude::*;

/// Answers as given: `None` until the user picks one. Nothing starts answered.
pub type Answers = RwSignal<[Option<bool>; 10]>;

pub fn new_answers() -> Answers {
    RwSignal::new([None; 10])
}

fn position(flag: RedFlag) -> usize {
    RedFlag::ALL.iter().position(|f| *f == flag).unwrap_or(0)
}

/// The flags answered yes so far.
pub fn yes(answers: Answers) -> Vec<RedFlag> {
    answers.with(|a| {
        RedFlag::ALL
            .iter()
            .zip(a)
            .filter(|(_, x)| **x == Some(true))
            .map(|(f, _)| *f)
            .collect()
    })
}

/// How many questions still wait for an answer.
pub fn unanswered(answers: Answers) -> usize {
    answers.with(|a| a.iter().filter(|x| x.is_none()).count())
}

#[component]
pub fn YesNo(flag: RedFlag, answers: Answers, #[prop(into)] group: String) -> impl IntoView {
    let i = position(flag);
    let name = format!("{group}-{flag:?}");
    view! {
        <fieldset class="question">
            <legend>{flag.question()}</legend>
            <div class="segmented">
                <label class="choice">
                    <input type="radio" name=name.clone() prop:checked=move || answers.with(|a| a[i] == Some(true))
                        on:change=move |_| answers.update(|a| a[i] = Some(true))/>
                    "Yes"
                </label>
                <label class="choice">
                    <input type="radio" name=name prop:checked=move || answers.with(|a| a[i] == Some(false))
                        on:change=move |_| answers.update(|a| a[i] = Some(false))/>
                    "No"
                </label>
            </div>
        </fieldset>
    }
}

/// What a "yes" means, in the words its urgency calls for. Never "probably nothing".
#[component]
pub fn Advice(flags: Vec<RedFlag>) -> impl IntoView {
    let urgency = red_flag_urgency(&flags);
    let urgent: Vec<&'static str> = flags
        .iter()
        .filter(|f| f.is_urgent())
        .map(|f| f.question())
        .collect();
    match urgency {
        Some(Urgency::Today) => view! {
            <h2>"Get urgent medical help today"</h2>
            <p><strong>"Do not wait and do not train."</strong>" A change in bladder or bowel control, numbness between the legs, or a leg that is newly weak or getting weaker can mean a nerve is being squeezed. That needs a doctor today: go to urgent care or an emergency department, or call your local emergency number."</p>
            <ul>{urgent.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ul>
            <p>"No plan is made until then. Backstrong cannot tell what is causing it; a doctor can."</p>
        }
        .into_any(),
        Some(Urgency::BeforeTraining) => view! {
            <h2>"Please get checked before training"</h2>
            <p>"What you answered can have causes that a doctor or physiotherapist should look at first. Training waits until a professional has checked you. No plan is made until then."</p>
        }
        .into_any(),
        None => ().into_any(),
    }
}

/// What a clearance date problem means, in words.
pub fn clearance_problem_words(problem: ClearanceProblem, answered: chrono::NaiveDate) -> String {
    match problem {
        ClearanceProblem::InTheFuture => {
            "The date you were cleared cannot be in the future.".into()
        }
        ClearanceProblem::BeforeTheAnswers => format!(
            "A clearance counts only for answers given before it: enter {} or a later day.",
            super::dates::long_date(answered)
        ),
    }
}

/// The moment to save safety answers, a clearance or a check-in with: now, kept after
/// whatever was saved before it (`domain::safety::next_safety_moment`).
pub fn safety_moment(data: super::data::DataCtx) -> i64 {
    let now = crate::platform::clock::now_ms();
    data.with(|l| {
        next_safety_moment(
            now,
            &l.safety.answers,
            &l.safety.clearances,
            &l.history.checkins,
        )
    })
    .unwrap_or(now)
}
