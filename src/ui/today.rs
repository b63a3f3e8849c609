use super::data::use_data;
use super::plan_state::{use_plan_state, PlanState};
use crate::domain::checkin::{CheckIn, FlareEvent, Trigger};
use crate::domain::habits::WalkingTarget;
use crate::domain::habits::{daily_mobility, walking_split, WALK_START_MINUTES};
use crate::domain::history::Response24h;
use crate::domain::lessons::{lesson_to_offer, Moment};
use crate::domain::library::Exercise;
use crate::domain::pain::{Pain, GO_UP_TO, MODIFY_FROM, MODIFY_UP_TO, STOP_FROM};
use crate::domain::planner::{Mode, Plan};
use crate::domain::safety::{
    clearance_date_ok, monthly_recheck_due, red_flag_answers, Clearance, Gate, RedFlag,
};
use crate::domain::session::session_label;
use crate::platform::clock;
use crate::storage::records::Event;
use leptos::prelude::*;
use leptos_router::components::A;

fn dose(e: &Exercise, amount: u16) -> String {
    super::dose::amount_words(amount, e.measure, e.each_side)
}

#[component]
fn Drills(drills: Vec<(&'static Exercise, u16)>) -> impl IntoView {
    view! {
        <ol class="drills">
            {drills.into_iter().map(|(e, amount)| view! {
                <li>
                    <details>
                        <summary><span>{e.name}</span><span class="dose">{dose(e, amount)}</span></summary>
                        <ul class="cues">{e.cues.iter().map(|c| view! { <li>{*c}</li> }).collect_view()}</ul>
                        <A href=format!("/learn/exercises?show={}", e.id) attr:class="see-it">"See it move"</A>
                    </details>
                </li>
            }).collect_view()}
        </ol>
    }
}

#[component]
fn Movement(walking: WalkingTarget) -> impl IntoView {
    let lengths = walking.lengths();
    let walks = lengths.len();
    let each = if lengths.windows(2).all(|w| w[0] == w[1]) {
        format!("{walks} × {} min", lengths.first().copied().unwrap_or(0))
    } else {
        format!(
            "{walks} walks: {} min",
            lengths
                .iter()
                .map(|m| m.to_string())
                .collect::<Vec<_>>()
                .join(" + ")
        )
    };
    let drills = daily_mobility(clock::today())
        .into_iter()
        .map(|e| (e, e.range.0))
        .collect::<Vec<_>>();
    view! {
        <article class="card">
            <h2>"Walk"</h2>
            <p class="big">{each}</p>
            <p class="muted">{format!("{} minutes in all today.", walking.total())}</p>
            <p>"Short brisk walks spread over the day. Walking is the first thing that calms a sore back. Stop if the pain climbs."</p>
        </article>
        <article class="card">
            <h2>"Mobility, about 6 minutes"</h2>
            <Drills drills=drills/>
        </article>
    }
}

#[component]
fn PainRules() -> impl IntoView {
    view! {
        <article class="card">
            <h2>"How your pain steers the plan"</h2>
            <ul class="traffic">
                <li class="go"><strong>{format!("0–{GO_UP_TO}")}</strong>" Carry on as planned."</li>
                <li class="modify"><strong>{format!("{MODIFY_FROM}–{MODIFY_UP_TO}")}</strong>" Change it: lighter, a shorter range or a slower tempo."</li>
                <li class="stop"><strong>{format!("{STOP_FROM}+")}</strong>" Stop that movement and switch to an easier one."</li>
            </ul>
        </article>
    }
}

#[component]
pub fn Today() -> impl IntoView {
    let state = use_plan_state();
    let day = super::plan_state::use_day();
    // Kept here, above the plan: an answer re-plans, and the reply must outlive that.
    provide_context(Answered(RwSignal::new(None)));
    view! {
        <section class="screen" aria-labelledby="today-title">
            <p class="eyebrow">{move || super::dates::long_date(day())}</p>
            <h1 id="today-title">"Today"</h1>
            {move || match state.get() {
                PlanState::Loading => view! { <p class="muted">"Loading your plan…"</p> }.into_any(),
                PlanState::NoProfile => {
                    let w = walking_split(WALK_START_MINUTES);
                    view! {
                        <article class="card welcome">
                            <h2>"Welcome to Backstrong"</h2>
                            <p>"A calm, steady way to rebuild strength after back pain. Answer a few questions (about two minutes) and get a plan that never pushes you too fast."</p>
                            <A href="/start" attr:class="button primary">"Set up my plan"</A>
                        </article>
                        <Movement walking=w/>
                        <PainRules/>
                    }.into_any()
                }
                // Never answered here (the record was set aside, say): ask, don't assume.
                PlanState::Blocked(Gate::NotAsked) => view! { <SafetyRecheck why=Recheck::NotOnDevice/> }.into_any(),
                // A new symptom: the questions again, and no plan until they are answered.
                PlanState::Blocked(Gate::AskAgain { reported }) => view! { <SafetyRecheck why=Recheck::NewSymptom(reported)/> }.into_any(),
                PlanState::Blocked(gate) => view! { <GateCard gate=gate/> }.into_any(),
                PlanState::Ready(plan, _) => view! { <TodayPlan plan=*plan/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn GateCard(gate: Gate) -> impl IntoView {
    let data = use_data();
    let flags: Vec<RedFlag> = match gate {
        Gate::Blocked(f) => f,
        _ => Vec::new(),
    };
    let (day, set_day) = signal(String::new());
    let (error, set_error) = signal(None::<String>);
    let answered = data
        .with(|l| l.safety.answers.day)
        .flatten()
        .unwrap_or_else(clock::today);
    let record = {
        let flags = flags.clone();
        move |_| {
            let today = clock::today();
            let Ok(d) = day.get_untracked().parse::<chrono::NaiveDate>() else {
                return set_error.set(Some("Enter the date you were cleared.".into()));
            };
            if let Err(problem) = clearance_date_ok(d, answered, today) {
                return set_error.set(Some(super::safety::clearance_problem_words(
                    problem, answered,
                )));
            }
            set_error.set(None);
            let Some(mut safety) = data.with(|l| l.safety.clone()) else {
                return;
            };
            safety.clearances.push(Clearance {
                day: d,
                covers: flags.clone(),
                at_ms: super::safety::safety_moment(data),
            });
            leptos::task::spawn_local(async move {
                let _ = data
                    .write(|db| async move { db.save_safety(&safety).await })
                    .await;
            });
        }
    };
    let today = clock::today().to_string();
    view! {
        <article class="card gate" role="region" aria-label="Get checked first">
            <super::safety::Advice flags=flags.clone()/>
            <p>"You told us:"</p>
            <ul>{flags.iter().map(|f| view! { <li>{f.question()}</li> }).collect_view()}</ul>
            <p>"Training waits until a professional has checked you. Gentle walking is fine if it does not make things worse."</p>
            <p class="muted">{format!("A clearance counts for the answers you gave before it: the date is {} or later.", super::dates::long_date(answered))}</p>
            <label for="cleared-date">"I was cleared by a professional on"</label>
            <input id="cleared-date" type="date" min=answered.to_string() max=today prop:value=day on:input=move |ev| set_day.set(event_target_value(&ev))/>
            {move || error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
            <button class="primary" on:click=record>"Record my clearance"</button>
        </article>
    }
}

#[component]
fn TodayPlan(plan: Plan) -> impl IntoView {
    let data = use_data();
    let today = clock::today();
    let flare_now = move |_| {
        leptos::task::spawn_local(async move {
            let e = Event::Flare(FlareEvent::Started(clock::today()));
            let _ = data.save_event(e).await;
        });
    };
    let flare_over = move |_| {
        leptos::task::spawn_local(async move {
            let e = Event::Flare(FlareEvent::Ended(clock::today()));
            let _ = data.save_event(e).await;
        });
    };
    let session = plan
        .open_session()
        .or(plan.session_on(today))
        .or(plan.next_session())
        .cloned();
    let units = super::context::units();
    let walking = plan.walking;
    let mode = plan.mode.clone();
    let trained = data
        .with(|l| l.partial.is_some() || l.sessions.iter().any(|s| s.finished))
        .unwrap_or(false);
    let moment = Moment::of(&plan, trained);
    let monthly = move || {
        data.with(|l| monthly_recheck_due(l.safety.answers.day, clock::today()))
            .unwrap_or(false)
    };
    view! {
        <p class="phase-line">{format!("{} · week {}", plan.phase.title(), plan.week)}</p>
        <Show when=monthly><SafetyRecheck why=Recheck::Monthly/></Show>
        <super::monthly::MonthlyCheckIn/>
        <ResponseQuestion/>
        {match mode {
            Mode::Flare { exit_ready, .. } => view! {
                <article class="card flare" role="region" aria-label="Flare-up mode">
                    <h2>"Flare-up mode"</h2>
                    <ol>{crate::domain::flare::FLARE_STEPS.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
                    <h3>"For today"</h3>
                    <Drills drills=plan.flare_routine.clone()/>
                    <Show when=move || exit_ready fallback=|| view! { <p class="muted">{format!("The way out opens after {} check-ins in a row with pain at {} or below.", super::words::count_words(crate::domain::flare::CALM_DAYS_TO_EXIT), crate::domain::pain::GO_UP_TO)}</p> }>
                        <button class="primary" on:click=flare_over>"My back has calmed down"</button>
                    </Show>
                </article>
            }.into_any(),
            Mode::Resuming => view! {
                <article class="card"><h2>"Easing back in"</h2><p>{format!("The flare-up is over. Strength sessions restart next week: your plan {}. Keep walking and moving gently until then.", super::words::restart_words(plan.phase))}</p></article>
            }.into_any(),
            Mode::Training => view! {
                {match session {
                    Some(s) => {
                        let when = if s.is_open() {
                            "Session in progress".to_string()
                        } else if s.date == today {
                            "Today's session".to_string()
                        } else {
                            format!("Next session: {}", super::dates::weekday(s.date))
                        };
                        view! {
                            <article class="card session-card" role="region" aria-label="Strength session">
                                <h2>{format!("{when} · {}", session_label(s.slot))}</h2>
                                <ul class="plain">
                                    {s.items().into_iter().map(|i| {
                                        let note = super::words::origin_note(i.origin).map(|n| view! { <span class="badge">{n}</span> });
                                        view! { <li><span>{i.name.clone()}" "{note}</span><span class="dose">{super::dose::item_dose(&i, units)}</span></li> }
                                    }).collect_view()}
                                </ul>
                                {if s.is_open() {
                                    view! { <A href="/workout" attr:class="button primary">"Resume workout"</A> }.into_any()
                                } else {
                                    view! { <A href="/workout" attr:class="button primary">"Start session"</A> }.into_any()
                                }}
                            </article>
                        }.into_any()
                    }
                    None => view! { <article class="card"><h2>"Rest day"</h2><p>"All of this week's sessions are done. Walk, move, and let it sink in."</p></article> }.into_any(),
                }}
                <button class="ghost flare-button" on:click=flare_now>"My back is flaring"</button>
            }.into_any(),
        }}
        <LessonOffer moment=moment/>
        <Show when={let r = plan.rehab.clone(); move || !r.is_empty()}>
            <article class="card" role="region" aria-label="Your physio's exercises">
                <h2>"Your physio's exercises"</h2>
                <p class="muted">"They are part of every strength session, and good on the other days too."</p>
                <ul class="plain">
                    {plan.rehab.iter().map(|r| {
                        let item = crate::domain::served::ServedItem::from_rehab(&r.rehab);
                        let often = super::dose::how_often(r.rehab.per_week);
                        let paused = r.paused.then(|| view! { <super::widgets::BringBack key=item.key.to_string() name=item.name.to_string()/> });
                        view! { <li><span>{item.name.clone()}</span><span class="dose">{format!("{}, {often}", super::dose::item_dose(&item, units))}</span>{paused}</li> }
                    }).collect_view()}
                </ul>
            </article>
        </Show>
        <CheckInCard/>
        <Movement walking=walking/>
        <PainRules/>
    }
}

/// Why the safety questions are asked now.
#[derive(Clone, Copy, PartialEq)]
enum Recheck {
    /// The answers are not on this device (set aside, say).
    NotOnDevice,
    /// A check-in on this day told of a new symptom: no training until answered.
    NewSymptom(chrono::NaiveDate),
    /// A month has passed since they were last answered.
    Monthly,
}

/// rules §1: the red-flag questions again. Monthly they sit above the plan; after a
/// check-in reports a new symptom, or when the answers are missing, they take its place
/// (the gate, decided in `domain::safety`).
#[component]
fn SafetyRecheck(why: Recheck) -> impl IntoView {
    let data = use_data();
    let answers = super::safety::new_answers();
    let save = move |_: leptos::ev::MouseEvent| {
        let at = super::safety::safety_moment(data);
        let Ok(round) = red_flag_answers(&answers.get_untracked(), clock::today(), at) else {
            return;
        };
        let Some(mut safety) = data.with(|l| l.safety.clone()) else {
            return;
        };
        safety.answers = round;
        leptos::task::spawn_local(async move {
            let _ = data
                .write(|db| async move { db.save_safety(&safety).await })
                .await;
        });
    };
    let intro = match why {
        Recheck::NotOnDevice => "Your answers to these questions are not on this device, so training waits until you answer them. Answer for how you are now.".to_string(),
        Recheck::NewSymptom(day) => format!(
            "Your check-in on {} told of a new symptom. Training waits until you answer these again, for how you are now.",
            super::dates::long_date(day)
        ),
        Recheck::Monthly => "Once a month, and whenever something new shows up, we ask these again. Answer for how you are now.".to_string(),
    };
    view! {
        <article class="card gate" role="region" aria-label="Safety questions">
            <h2>"A quick safety check"</h2>
            <p>{intro}</p>
            {RedFlag::ALL.into_iter().map(|f| view! { <super::safety::YesNo flag=f answers=answers group="recheck"/> }).collect_view()}
            {move || {
                let left = super::safety::unanswered(answers);
                (left > 0).then(|| view! { <p class="muted">{format!("{left} {} still to answer.", if left == 1 { "question" } else { "questions" })}</p> })
            }}
            <button class="primary" disabled=move || { super::safety::unanswered(answers) > 0 } on:click=save>"Save my answers"</button>
        </article>
    }
}

/// What the plan does with a next-day answer, said back to the user.
fn response_words(r: Response24h) -> String {
    match r {
        Response24h::Settled => format!("Noted: your back settled. That dose was right, so exercises that stayed at pain {GO_UP_TO} or below can go up a little next time, within {} a week.", super::words::weekly_cap()),
        Response24h::StillRaised => "Noted: still sorer than usual. Next time repeats the same doses; nothing goes up until a session settles within a day.".into(),
        Response24h::Spiked => "Noted: much worse, and staying up. The plan steps back to easier doses for a week. If it keeps getting worse, or anything new appears such as numbness or weakness, see a professional.".into(),
    }
}

/// The reply to the last next-day answer given on this screen.
#[derive(Clone, Copy)]
struct Answered(RwSignal<Option<Result<Response24h, String>>>);

/// The next-day question about the last session (rules §2, the 24-hour response).
#[component]
fn ResponseQuestion() -> impl IntoView {
    let data = use_data();
    let day = super::plan_state::use_day();
    let pending = move || {
        data.with(|l| {
            l.sessions
                .iter()
                .filter(|s| {
                    s.finished
                        && s.response.is_none()
                        && crate::domain::response::response_due(s.day, day())
                })
                .max_by_key(|s| s.started_ms)
                .cloned()
        })
        .flatten()
    };
    let Answered(answered) = expect_context::<Answered>();
    let set_answered = answered.write_only();
    let answer = move |r: Response24h| {
        let Some(s) = pending() else { return };
        leptos::task::spawn_local(async move {
            let saved = data.answer_response(s, r).await;
            set_answered.set(Some(saved.map(|_| r).map_err(|e| e.to_string())));
        });
    };
    view! {
        {move || answered.get().map(|a| match a {
            Ok(r) => view! {
                <article class="card notice" role="status" aria-label="Answer noted">
                    <p>{response_words(r)}</p>
                </article>
            }.into_any(),
            Err(e) => view! { <p class="error" role="alert">{format!("Your answer was not saved: {e}")}</p> }.into_any(),
        })}
        {move || pending().map(|s| view! {
            <article class="card question-card" role="region" aria-label="How is your back">
                <h2>{format!("How is your back after {}'s session?", super::dates::weekday(s.day))}</h2>
                <div class="stack">
                    <button on:click=move |_| answer(Response24h::Settled)>"Fine, or any soreness has settled"</button>
                    <button on:click=move |_| answer(Response24h::StillRaised)>"Still sorer than usual"</button>
                    <button on:click=move |_| answer(Response24h::Spiked)>"Much worse, and staying up"</button>
                </div>
            </article>
        })}
    }
}

/// A number typed into the check-in: empty counts as 0, "7.5" or "7,5" rounds, anything
/// else (words, negatives, more than `max`) is refused with a message naming the field.
fn count_in(text: &str, field: &str, max: u16) -> Result<u16, String> {
    let t = text.trim().replace(',', ".");
    if t.is_empty() {
        return Ok(0);
    }
    let (int, frac) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let refuse = || format!("{field}: type a number from 0 to {max}, like 7.");
    if !digits(int) || !digits(frac) || int.len() > 4 || (int.is_empty() && frac.is_empty()) {
        return Err(refuse());
    }
    let whole: u16 = if int.is_empty() {
        0
    } else {
        int.parse().map_err(|_| refuse())?
    };
    let up = frac.bytes().next().is_some_and(|b| b >= b'5');
    let n = whole + u16::from(up);
    if n > max {
        return Err(refuse());
    }
    Ok(n)
}

#[component]
fn CheckInCard() -> impl IntoView {
    let data = use_data();
    let day = super::plan_state::use_day();
    let done = move || {
        data.with(|l| l.history.checkins.iter().find(|c| c.day == day()).cloned())
            .flatten()
    };
    let pain = RwSignal::new(2u8);
    let walking = RwSignal::new(String::new());
    let mobility = RwSignal::new(false);
    let sleep = RwSignal::new("7".to_string());
    let stress = RwSignal::new(3u8);
    let protein = RwSignal::new(3u8);
    let water = RwSignal::new("6".to_string());
    let triggers = RwSignal::new(Vec::<Trigger>::new());
    let new_symptoms = RwSignal::new(false);
    let (error, set_error) = signal(None::<String>);
    let save = move |_| {
        let numbers = (|| {
            Ok::<_, String>((
                count_in(&walking.get_untracked(), "Minutes walked", 600)?,
                count_in(&sleep.get_untracked(), "Hours slept", 24)? as u8,
                count_in(&water.get_untracked(), "Glasses of water", 40)? as u8,
            ))
        })();
        let (walking_minutes, sleep_hours, water) = match numbers {
            Ok(n) => n,
            Err(e) => return set_error.set(Some(e)),
        };
        set_error.set(None);
        let c = CheckIn {
            day: clock::today(),
            pain: Pain::clamped(pain.get_untracked()),
            walking_minutes,
            mobility_done: mobility.get_untracked(),
            sleep_hours,
            stress: stress.get_untracked(),
            protein_meals: protein.get_untracked(),
            water,
            triggers: triggers.get_untracked(),
            new_symptoms: new_symptoms.get_untracked(),
            at_ms: super::safety::safety_moment(data),
        };
        leptos::task::spawn_local(async move {
            if let Err(e) = data.save_checkin(c).await {
                set_error.set(Some(format!("Your check-in was not saved: {e}")));
            }
        });
    };
    view! {
        {move || match done() {
            Some(c) => view! {
                <article class="card"><h2>"Checked in"</h2><p>{format!("Pain {} · walked {} min · mobility {}", c.pain.value(), c.walking_minutes, if c.mobility_done { "done" } else { "not yet" })}</p></article>
            }.into_any(),
            None => view! {
                <details class="card checkin">
                    <summary><span>"Daily check-in"</span><span class="muted">"30 seconds"</span></summary>
                    <label for="ci-pain">{move || format!("Back pain today: {} / 10", pain.get())}</label>
                    <input id="ci-pain" type="range" min="0" max="10" prop:value=move || pain.get().to_string() on:input=move |ev| pain.set(event_target_value(&ev).parse().unwrap_or(0))/>
                    <label for="ci-walk">"Minutes walked"</label>
                    <input id="ci-walk" inputmode="numeric" prop:value=walking on:input=move |ev| walking.set(event_target_value(&ev))/>
                    <label class="check"><input type="checkbox" prop:checked=mobility on:change=move |ev| mobility.set(event_target_checked(&ev))/>"Mobility done"</label>
                    <label for="ci-sleep">"Hours slept"</label>
                    <input id="ci-sleep" inputmode="decimal" prop:value=sleep on:input=move |ev| sleep.set(event_target_value(&ev))/>
                    <label for="ci-stress">{move || format!("Stress: {} / 10", stress.get())}</label>
                    <input id="ci-stress" type="range" min="0" max="10" prop:value=move || stress.get().to_string() on:input=move |ev| stress.set(event_target_value(&ev).parse().unwrap_or(0))/>
                    <label for="ci-protein">{move || format!("Meals with protein: {}", protein.get())}</label>
                    <input id="ci-protein" type="range" min="0" max="6" prop:value=move || protein.get().to_string() on:input=move |ev| protein.set(event_target_value(&ev).parse().unwrap_or(0))/>
                    <label for="ci-water">"Glasses of water"</label>
                    <input id="ci-water" inputmode="numeric" prop:value=water on:input=move |ev| water.set(event_target_value(&ev))/>
                    <fieldset class="question">
                        <legend>"What made it worse today?"</legend>
                        {Trigger::ALL.into_iter().map(|t| view! {
                            <label class="check"><input type="checkbox" prop:checked=move || triggers.get().contains(&t)
                                on:change=move |ev| triggers.update(|v| if event_target_checked(&ev) { v.push(t) } else { v.retain(|x| *x != t) })/>{t.label()}</label>
                        }).collect_view()}
                    </fieldset>
                    <label class="check"><input type="checkbox" prop:checked=new_symptoms on:change=move |ev| new_symptoms.set(event_target_checked(&ev))/>"I have a new symptom (numbness, tingling, weakness…)"</label>
                    {move || error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
                    <button class="primary" on:click=save>"Save check-in"</button>
                </details>
            }.into_any(),
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::count_in;

    #[test]
    fn check_in_numbers_are_read_or_refused_with_the_field_named() {
        assert_eq!(count_in("7", "Hours slept", 24), Ok(7));
        assert_eq!(count_in(" 7,5 ", "Hours slept", 24), Ok(8));
        assert_eq!(count_in("", "Minutes walked", 600), Ok(0));
        let e = count_in("seven", "Hours slept", 24).unwrap_err();
        assert!(e.starts_with("Hours slept: type a number from 0 to 24"));
        assert!(count_in("-3", "Hours slept", 24).is_err());
        assert!(count_in("30", "Hours slept", 24).is_err());
        assert!(count_in(".", "Hours slept", 24).is_err());
    }
}

/// One lesson offered when it explains what is happening now, or every few days.
#[component]
fn LessonOffer(moment: Moment) -> impl IntoView {
    let prefs = expect_context::<super::context::PrefsCtx>().0;
    let day = super::plan_state::use_day();
    let later = move |_| {
        prefs.update(|p| {
            let mut r = p.reading();
            r.later = Some(day());
            p.set_reading(r);
        });
        let _ = crate::storage::prefs::save(prefs.get_untracked());
    };
    move || {
        lesson_to_offer(moment, prefs.with(|p| p.reading()), day()).map(|l| {
            view! {
                <article class="card lesson-offer" role="region" aria-label="Something to read">
                    <p class="eyebrow">{format!("Something to read · {} min", l.minutes())}</p>
                    <h2>{l.title()}</h2>
                    <div class="row">
                        <A href=format!("/learn/{}", l.slug()) attr:class="button primary">"Read it"</A>
                        <button class="ghost" on:click=later>"Later"</button>
                    </div>
                    <A href="/learn" attr:class="small">"All lessons"</A>
                </article>
            }
        })
    }
}
