//! The setup fields (equipment, days, session length, goal), shared by onboarding and
//! *Edit my setup*. The draft holds what the user types; `equipment` turns it into real
//! steps in the chosen unit, or says which field to fix.

use crate::domain::equipment::{BarbellSet, EquipmentSet, PlatePair, SteppedRange};
use crate::domain::plates::MAX_PAIRS;
use crate::domain::profile::{Goal, Setup};
use crate::domain::units::{Grams, Units};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct SetupDraft {
    pub units: RwSignal<Units>,
    bands: RwSignal<bool>,
    dumbbells: RwSignal<bool>,
    db_range: RwSignal<(String, String, String)>,
    kettlebells: RwSignal<bool>,
    kb_list: RwSignal<String>,
    cable: RwSignal<bool>,
    barbell: RwSignal<bool>,
    bar: RwSignal<String>,
    /// Each plate size offered, heaviest first, with the pairs typed for it.
    plates: RwSignal<Vec<(Grams, String)>>,
    pub days: RwSignal<u8>,
    pub minutes: RwSignal<u16>,
    pub goal: RwSignal<Goal>,
}

fn parse_list(units: Units, text: &str) -> Vec<Grams> {
    text.split([',', ' ', ';'])
        .filter(|s| !s.trim().is_empty())
        .filter_map(|s| units.parse(s))
        .collect()
}

impl SetupDraft {
    /// A first setup: nothing ticked, steps that exist in the unit's real gyms.
    pub fn new(units: Units) -> Self {
        let db = match units {
            Units::Kg => ("2", "24", "2"),
            Units::Lb => ("5", "50", "5"),
        };
        let standard = BarbellSet::standard(units);
        SetupDraft {
            units: RwSignal::new(units),
            bands: RwSignal::new(false),
            dumbbells: RwSignal::new(false),
            db_range: RwSignal::new((db.0.into(), db.1.into(), db.2.into())),
            kettlebells: RwSignal::new(false),
            kb_list: RwSignal::new(match units {
                Units::Kg => "8, 12, 16".into(),
                Units::Lb => "18, 26, 35".into(),
            }),
            cable: RwSignal::new(false),
            barbell: RwSignal::new(false),
            bar: RwSignal::new(units.plate_number(standard.bar)),
            plates: RwSignal::new(plate_rows(units, &standard)),
            days: RwSignal::new(2),
            minutes: RwSignal::new(45),
            goal: RwSignal::new(Goal::EverydayStrength),
        }
    }

    /// Switches the unit; fields still holding the other unit's suggestions take this one's.
    pub fn set_units(&self, to: Units) {
        let other = Self::new(if to == Units::Kg {
            Units::Lb
        } else {
            Units::Kg
        });
        let fresh = Self::new(to);
        if self.db_range.get_untracked() == other.db_range.get_untracked() {
            self.db_range.set(fresh.db_range.get_untracked());
        }
        if self.kb_list.get_untracked() == other.kb_list.get_untracked() {
            self.kb_list.set(fresh.kb_list.get_untracked());
        }
        if self.bar.get_untracked() == other.bar.get_untracked()
            && self.plates.get_untracked() == other.plates.get_untracked()
        {
            self.bar.set(fresh.bar.get_untracked());
            self.plates.set(fresh.plates.get_untracked());
        }
        self.units.set(to);
    }

    /// The setup the user has, shown in `units`.
    pub fn of(s: &Setup, units: Units) -> Self {
        let d = Self::new(units);
        let e = &s.equipment;
        d.bands.set(e.bands);
        if let Some(r) = e.dumbbells {
            d.dumbbells.set(true);
            d.db_range.set((
                units.number(r.min),
                units.number(r.max),
                units.number(r.step),
            ));
        }
        if !e.kettlebells.is_empty() {
            d.kettlebells.set(true);
            let list: Vec<String> = e.kettlebells.iter().map(|g| units.number(*g)).collect();
            d.kb_list.set(list.join(", "));
        }
        d.cable.set(e.cable.is_some());
        if let Some(b) = &e.barbell {
            d.barbell.set(true);
            d.bar.set(units.plate_number(b.bar));
            d.plates.set(plate_rows(units, b));
        }
        d.days.set(s.days_per_week);
        d.minutes.set(s.session_minutes);
        d.goal.set(s.goal);
        d
    }

    /// The equipment as typed, or which field needs fixing.
    pub fn equipment(&self) -> Result<EquipmentSet, String> {
        let u = self.units.get_untracked();
        let mut eq = EquipmentSet {
            bands: self.bands.get_untracked(),
            ..Default::default()
        };
        if self.dumbbells.get_untracked() {
            let (lo, hi, st) = self.db_range.get_untracked();
            let (Some(min), Some(max), Some(step)) = (u.parse(&lo), u.parse(&hi), u.parse(&st))
            else {
                return Err("Check the dumbbell weights: numbers only, like 2, 24 and 2.".into());
            };
            let range = SteppedRange { min, max, step };
            if !range.is_valid() {
                return Err(
                    "Check the dumbbell weights: the lightest at most the heaviest, and a step above 0."
                        .into(),
                );
            }
            eq.dumbbells = Some(range);
        }
        if self.kettlebells.get_untracked() {
            eq.kettlebells = parse_list(u, &self.kb_list.get_untracked());
            if eq.kettlebells.is_empty() {
                return Err("List the kettlebells you own, like 8, 12, 16.".into());
            }
        }
        if self.cable.get_untracked() {
            eq.cable = Some(SteppedRange {
                min: u.parse("5").unwrap_or_default(),
                max: u.parse("100").unwrap_or_default(),
                step: u.parse("2.5").unwrap_or_default(),
            });
        }
        if self.barbell.get_untracked() {
            eq.barbell = Some(self.barbell_set(u)?);
        }
        Ok(eq)
    }

    /// The bar and plates as typed, or what to fix.
    fn barbell_set(&self, u: Units) -> Result<BarbellSet, String> {
        let bar = u
            .parse(&self.bar.get_untracked())
            .filter(|g| !g.is_zero())
            .ok_or("Check the bar's weight: a number, like 20.")?;
        let mut plates = Vec::new();
        for (weight, typed) in self.plates.get_untracked() {
            let typed = typed.trim();
            let pairs = if typed.is_empty() {
                0
            } else {
                typed
                    .parse::<u8>()
                    .ok()
                    .filter(|n| *n <= MAX_PAIRS)
                    .ok_or(format!(
                        "Check the {} plates: a whole number of pairs from 0 to {MAX_PAIRS}.",
                        plate_label(u, weight)
                    ))?
            };
            if pairs > 0 {
                plates.push(PlatePair { weight, pairs });
            }
        }
        Ok(BarbellSet { bar, plates })
    }

    /// The whole setup; weekdays are kept while the number of days stays the same.
    pub fn setup(&self, weekdays: &[chrono::Weekday], was_days: u8) -> Result<Setup, String> {
        let days = self.days.get_untracked();
        Ok(Setup {
            equipment: self.equipment()?,
            days_per_week: days,
            weekdays: if days == was_days {
                weekdays.to_vec()
            } else {
                Vec::new()
            },
            session_minutes: self.minutes.get_untracked(),
            goal: self.goal.get_untracked(),
        })
    }
}

/// Units and equipment. `with_units` shows the unit choice (onboarding; elsewhere it is
/// a setting).
#[component]
pub fn EquipmentFields(draft: SetupDraft, with_units: bool) -> impl IntoView {
    let SetupDraft {
        units,
        bands,
        dumbbells,
        db_range,
        kettlebells,
        kb_list,
        cable,
        barbell,
        ..
    } = draft;
    let unit = move || units.get().symbol();
    view! {
        {with_units.then(|| view! {
            <fieldset class="question">
                <legend>"Units"</legend>
                <div class="segmented">
                    <label class="choice"><input type="radio" name="units" prop:checked=move || units.get() == Units::Kg on:change=move |_| draft.set_units(Units::Kg)/>"kg"</label>
                    <label class="choice"><input type="radio" name="units" prop:checked=move || units.get() == Units::Lb on:change=move |_| draft.set_units(Units::Lb)/>"lb"</label>
                </div>
            </fieldset>
        })}
        <p class="muted">"Tick everything you can use. With nothing ticked, the plan uses your body weight, a chair and a broomstick."</p>
        <label class="check"><input type="checkbox" prop:checked=bands on:change=move |ev| bands.set(event_target_checked(&ev))/>"Resistance bands"</label>
        <label class="check"><input type="checkbox" prop:checked=dumbbells on:change=move |ev| dumbbells.set(event_target_checked(&ev))/>"Dumbbells"</label>
        <Show when=move || dumbbells.get()>
            <div class="row3">
                <label>{move || format!("Lightest ({})", unit())}<input inputmode="decimal" prop:value=move || db_range.get().0 on:input=move |ev| db_range.update(|r| r.0 = event_target_value(&ev))/></label>
                <label>{move || format!("Heaviest ({})", unit())}<input inputmode="decimal" prop:value=move || db_range.get().1 on:input=move |ev| db_range.update(|r| r.1 = event_target_value(&ev))/></label>
                <label>{move || format!("Step ({})", unit())}<input inputmode="decimal" prop:value=move || db_range.get().2 on:input=move |ev| db_range.update(|r| r.2 = event_target_value(&ev))/></label>
            </div>
        </Show>
        <label class="check"><input type="checkbox" prop:checked=kettlebells on:change=move |ev| kettlebells.set(event_target_checked(&ev))/>"Kettlebells"</label>
        <Show when=move || kettlebells.get()>
            <label>{move || format!("The weights you own ({})", unit())}<input prop:value=kb_list on:input=move |ev| kb_list.set(event_target_value(&ev))/></label>
        </Show>
        <label class="check"><input type="checkbox" prop:checked=cable on:change=move |ev| cable.set(event_target_checked(&ev))/>"Cable machine"</label>
        <label class="check"><input type="checkbox" prop:checked=barbell on:change=move |ev| barbell.set(event_target_checked(&ev))/>"Barbell and plates"</label>
        <Show when=move || barbell.get()>
            <PlateFields draft=draft/>
        </Show>
    }
}

/// The plate sizes of `units` and any others the barbell has, heaviest first, with the
/// pairs owned of each.
fn plate_rows(units: Units, b: &BarbellSet) -> Vec<(Grams, String)> {
    let mut sizes: Vec<Grams> = BarbellSet::sizes(units).to_vec();
    sizes.extend(b.plates.iter().map(|p| p.weight).filter(|w| !w.is_zero()));
    crate::domain::order::sort_by_key(&mut sizes, |g| std::cmp::Reverse(*g));
    sizes.dedup();
    sizes
        .into_iter()
        .map(|w| {
            let pairs: u32 = b
                .plates
                .iter()
                .filter(|p| p.weight == w)
                .map(|p| u32::from(p.pairs))
                .sum();
            (w, pairs.to_string())
        })
        .collect()
}

fn plate_label(units: Units, g: Grams) -> String {
    format!("{} {}", units.plate_number(g), units.symbol())
}

/// The bar, the pairs of each plate size, and the loads they make, as typed.
#[component]
fn PlateFields(draft: SetupDraft) -> impl IntoView {
    let SetupDraft {
        units, bar, plates, ..
    } = draft;
    let unit = move || units.get().symbol();
    let makes = move || {
        let u = units.get();
        bar.track();
        plates.track();
        let b = draft.barbell_set(u)?;
        let loads = b.loads();
        let (Some(&first), Some(&last)) = (loads.first(), loads.last()) else {
            return Err(String::new());
        };
        if loads.len() == 1 {
            return Ok(format!(
                "With no plates, every set is the bar alone: {}.",
                u.format(first)
            ));
        }
        let steps: Vec<u32> = loads.windows(2).map(|w| w[1].0 - w[0].0).collect();
        let (small, big) = (
            steps.iter().copied().min().unwrap_or(0),
            steps.iter().copied().max().unwrap_or(0),
        );
        let step = |g: u32| plate_label(u, Grams(g));
        Ok(if small == big {
            format!(
                "These make {} to {} in steps of {}.",
                u.format(first),
                u.format(last),
                step(small)
            )
        } else {
            format!(
                "These make {} to {}; the steps between are {} to {}, so some loads are out of reach.",
                u.format(first),
                u.format(last),
                step(small),
                step(big)
            )
        })
    };
    view! {
        <label>{move || format!("The bar ({})", unit())}<input inputmode="decimal" prop:value=bar on:input=move |ev| bar.set(event_target_value(&ev))/></label>
        <fieldset class="question plates">
            <legend>"Plates you own, in pairs"</legend>
            <p class="muted">"A pair is one plate for each side of the bar."</p>
            <div class="plate-grid">
                {move || {
                    let u = units.get();
                    plates.get().into_iter().enumerate().map(|(i, (w, typed))| {
                        let label = plate_label(u, w);
                        view! {
                            <label>
                                <span aria-hidden="true">{label.clone()}</span>
                                <input type="number" min="0" max=MAX_PAIRS.to_string() inputmode="numeric" aria-label=format!("Pairs of {label} plates") prop:value=typed on:input=move |ev| plates.update(|p| if let Some(row) = p.get_mut(i) { row.1 = event_target_value(&ev) })/>
                            </label>
                        }
                    }).collect_view()
                }}
            </div>
            <p class="muted" aria-live="polite">{move || match makes() {
                Ok(words) => words,
                Err(why) => why,
            }}</p>
        </fieldset>
    }
}

/// Days a week, minutes a session and the goal.
#[component]
pub fn ScheduleFields(draft: SetupDraft) -> impl IntoView {
    let SetupDraft {
        days,
        minutes,
        goal,
        ..
    } = draft;
    view! {
        <fieldset class="question">
            <legend>"Strength days a week"</legend>
            <div class="segmented three">
                {[2u8, 3, 4].into_iter().map(|d| view! {
                    <label class="choice"><input type="radio" name="days" prop:checked=move || days.get() == d on:change=move |_| days.set(d)/>{d.to_string()}</label>
                }).collect_view()}
            </div>
        </fieldset>
        <fieldset class="question">
            <legend>"Minutes a session"</legend>
            <div class="segmented three">
                {[30u16, 45, 60].into_iter().map(|m| view! {
                    <label class="choice"><input type="radio" name="minutes" prop:checked=move || minutes.get() == m on:change=move |_| minutes.set(m)/>{m.to_string()}</label>
                }).collect_view()}
            </div>
        </fieldset>
        <fieldset class="question">
            <legend>"Your goal"</legend>
            {[Goal::EverydayStrength, Goal::DeadliftAgain, Goal::SquatAgain, Goal::BackToSport].into_iter().map(|g| view! {
                <label class="check"><input type="radio" name="goal" prop:checked=move || goal.get() == g on:change=move |_| goal.set(g)/>{g.label()}</label>
            }).collect_view()}
        </fieldset>
    }
}
