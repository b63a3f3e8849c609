//! Short lessons that explain the back and the plan (the "why" of docs/rules.md, in our own words),
//! and which one to offer today. The bodies are only reached from the Learn screens, so
//! their text is built into that screen's wasm chunk, not the first screen.

use super::planner::{Mode, Plan};
use super::reason::Reason;
use chrono::NaiveDate;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lesson {
    RestAlone,
    HurtNotHarm,
    DayAfter,
    LoadAndCapacity,
    Walking,
    WarmUp,
    Expectations,
    SleepStressFood,
    CarefulForNow,
    Flare,
    Professional,
}

/// A lesson's text: paragraphs, and lists of short points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Para(&'static str),
    Points(&'static [&'static str]),
}

impl Lesson {
    /// Every lesson, in the order a new user meets them when nothing more urgent is due.
    /// The position is the lesson's bit in `LessonsRead`, so it never changes.
    pub const ALL: [Lesson; 11] = [
        Lesson::RestAlone,
        Lesson::HurtNotHarm,
        Lesson::DayAfter,
        Lesson::LoadAndCapacity,
        Lesson::Walking,
        Lesson::WarmUp,
        Lesson::Expectations,
        Lesson::SleepStressFood,
        Lesson::CarefulForNow,
        Lesson::Flare,
        Lesson::Professional,
    ];

    fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// The lesson's address: `/learn/<slug>`.
    pub fn slug(self) -> &'static str {
        match self {
            Lesson::RestAlone => "rest",
            Lesson::HurtNotHarm => "pain",
            Lesson::DayAfter => "day-after",
            Lesson::LoadAndCapacity => "load",
            Lesson::Walking => "walking",
            Lesson::WarmUp => "warm-up",
            Lesson::Expectations => "expectations",
            Lesson::SleepStressFood => "sleep-stress-food",
            Lesson::CarefulForNow => "careful",
            Lesson::Flare => "flare",
            Lesson::Professional => "professional",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Lesson> {
        Lesson::ALL.into_iter().find(|l| l.slug() == slug)
    }

    pub fn title(self) -> &'static str {
        match self {
            Lesson::RestAlone => "Why rest alone makes a back more fragile",
            Lesson::HurtNotHarm => "Hurt is not harm: what your pain numbers mean",
            Lesson::DayAfter => "The day-after check",
            Lesson::LoadAndCapacity => "Load, capacity and the 10 % rule",
            Lesson::Walking => "Walking: the quiet workhorse",
            Lesson::WarmUp => "Why every session starts with a warm-up",
            Lesson::Expectations => "What to expect, and when",
            Lesson::SleepStressFood => "Sleep, stress, food and water",
            Lesson::CarefulForNow => "Careful for now, not forever",
            Lesson::Flare => "A flare-up, and the plan for one",
            Lesson::Professional => "When to see a professional, and what to ask",
        }
    }

    /// Reading time in minutes.
    pub fn minutes(self) -> u8 {
        2
    }

    pub fn body(self) -> &'static [Block] {
        use Block::{Para as P, Points as L};
        match self {
            Lesson::RestAlone => &[
                P("When your back hurts, keeping still feels like the safe choice. For a day or two it can be a relief. Beyond that, rest works against you."),
                P("Muscles, tendons and even the discs between your vertebrae adapt to what you ask of them. Ask little and they get weaker and less tolerant, so ordinary things — a long drive, picking up a bag — start to hurt sooner. Moving less also tends to make people more watchful of every twinge, and a watchful nervous system turns the volume of pain up."),
                P("The way out is the opposite of rest: regular, gentle movement, then strength that rises slowly. Each session is a small, safe dose of load. Your back recovers from it and comes back a little more capable. Repeat that for weeks and the back copes with more of daily life."),
                L(&[
                    "Stay as active as your pain allows; keep moving in small amounts.",
                    "Bed rest is not a treatment for non-specific back pain.",
                    "This plan starts gently on purpose: the aim is to load the back, not to test it.",
                ]),
            ],
            Lesson::HurtNotHarm => &[
                P("Pain is your body's alarm, and after a back episode the alarm is often set too sensitive. It can go off when nothing is being damaged. So a twinge during an exercise is information, not proof of injury."),
                P("That is why the app asks you for a number from 0 (none) to 10 (the worst you can imagine) and answers with a rule you can trust:"),
                L(&[
                    "0–2: fine. Carry on as planned.",
                    "3–4: a signal to change something. The app offers a lighter weight, a shorter range or a slower tempo for the rest of the sets.",
                    "5 or more: stop that movement. The app swaps it for an easier version of the same pattern, leaves it out for the rest of the week, and starts it a rung lower next week.",
                ]),
                P("Report pain whenever you notice it — during a set, after the last one, or just before you finish. Every report counts for that exercise and that day, and it shapes next week."),
                P("A little discomfort that settles is a normal part of getting stronger. Pain that climbs, spreads, or comes with numbness or weakness is different: stop, and tick \"I have a new symptom\" in the daily check-in so the safety questions come back."),
            ],
            Lesson::DayAfter => &[
                P("How your back feels the day after a session tells more than how it felt during it. So after each workout the app asks one question the next day: how did it settle?"),
                L(&[
                    "Settled within 24 hours: the dose was right. Your plan may move up.",
                    "Still a bit raised after 24 hours: the plan holds. You repeat the same dose next week and let your back catch up.",
                    "A spike that stayed up for days: that was too much too soon. The plan steps back — an easier variation, or 10–20 % less — for a week.",
                ]),
                P("Holding a dose is not a failure. It is the plan doing its job: it only adds load when your back has shown it can handle the last step."),
                P("If you forget to answer, the plan waits rather than guess. Answer honestly: the number is for you, not for a score."),
            ],
            Lesson::LoadAndCapacity => &[
                P("Think of capacity as how much your back can handle today, and load as what you ask of it. Pain flares tend to follow a sudden jump in load — a weekend of moving house, a first day back at the gym after months off."),
                P("Training raises capacity, but slowly. That is why your plan never lifts the weight or the weekly work of an exercise by more than 10 % from one week to the next, and usually by 5 %."),
                L(&[
                    "When the next real weight is too big a jump, you add reps first, then a set.",
                    "Only when reps and sets are at the top does the weight go up — with fewer reps, so the week's work does not rise.",
                    "Every change comes with its reason, so you always know why the plan asks for more (or holds).",
                ]),
                P("Small steps feel slow. Over months they add up to a lot, without the setbacks that send people back to the start."),
            ],
            Lesson::Walking => &[
                P("Walking is gentle, rhythmic load for the whole back, and it is the first thing to return to when the back is sore. It needs no equipment, and short walks count."),
                L(&[
                    "Start with two or three brisk walks of 5–10 minutes a day.",
                    "Build toward 15–30 minutes a day in all, no faster than 10 % a week.",
                    "Brisk means you can talk but would rather not sing.",
                    "Never push through pain to finish a walk. Shorter and more often is fine.",
                ]),
                P("Walking also helps on the bad days. When a flare-up pauses strength sessions, short easy walks stay in the plan, because gentle rhythmic movement usually calms a sore back more than lying down does. Stand tall, let the arms swing, and choose flat ground at first."),
                P("Log your minutes in the daily check-in. Over weeks, the app shows how walking and pain move together — for many people, more walking goes with calmer days."),
            ],
            Lesson::WarmUp => &[
                P("A back that is cold and still is more sensitive. Eight to ten minutes of warm-up make the first working set feel easier and safer, and they are part of the workout, not an extra."),
                L(&[
                    "Raise your temperature: a few minutes of easy walking or marching.",
                    "Mobilise: hips and upper back through a comfortable range.",
                    "Activate: wake up the glutes and the deep trunk muscles.",
                    "Ramp up: one or two light sets before the working weight.",
                ]),
                P("Your plan builds the warm-up for you, step by step, with a timer for each part. If you are short of time, shorten the main work rather than the warm-up: skipping it is a common way to tweak a back that was doing well."),
                P("Tempo matters too. A slow lowering — three seconds down — keeps you in control and lets you feel where the range stops being comfortable. The tempo guide counts it for you."),
            ],
            Lesson::Expectations => &[
                P("Honest numbers help you keep going. Many people notice their back feeling better within two to four weeks of regular, gentle training. Building a back that copes with anything life asks takes months."),
                L(&[
                    "Phase 1 restores tolerance: walking, gentle hinges, bridges and core control.",
                    "Phase 2 rebuilds strength two or three days a week.",
                    "Phase 3 brings back heavier lifting, slowly, if you want it.",
                ]),
                P("The plan moves up a phase only after weeks of low pain and good days after, and never skips one. Progress is not a straight line: a bad week does not wipe out the good ones. What counts is the trend over a month, which History shows you."),
                P("Nobody can promise when your pain will be gone. What training reliably builds is strength and confidence — and those make pain less able to run your day."),
            ],
            Lesson::SleepStressFood => &[
                P("Pain is not only about the back. How you sleep, how stressed you are and how you fuel yourself all change how sensitive you are to pain."),
                L(&[
                    "Sleep: a short or broken night often means a more sensitive back the next day. Take that day a little easier; it is not a sign of damage.",
                    "Stress: worry and pressure turn the pain alarm up. A walk, slow breathing or a calm routine can turn it down.",
                    "Protein: have some at three or four meals a day; it helps muscles adapt to training.",
                    "Carbohydrate and water: enough to train well and feel steady.",
                ]),
                P("The daily check-in lets you note sleep, stress, meals and water. Beside your pain trend, patterns often show up that you would not notice otherwise."),
                P("No special product is needed. Ordinary food, water and sleep do the work."),
            ],
            Lesson::CarefulForNow => &[
                P("Some movements wait until later in your plan: heavy bending under load (worst when tired), fast twisting or twisting while bending, high-rep sit-ups and crunches, very heavy squats or deadlifts early on, and fast, jerky lifts without a warm-up."),
                P("They are not bad or dangerous movements. They simply ask a lot of a back that is still rebuilding. In phases 1 and 2 the plan leaves them out and offers a safer exercise that trains the same thing."),
                P("When you add your own exercises, the app asks what kind of movement each is and marks a careful one \"careful for now\", with the library's nearest alternative."),
                P("By phase 3, with a stronger base and weeks of calm days, they can come back — warmed up, light at first, and with the same 10 % steps as everything else."),
            ],
            Lesson::Flare => &[
                P("A flare-up is a spell of more pain, often after a jump in load, a bad night or a stressful week. It is common, it usually settles, and it does not mean you are back at the start."),
                P("When you start flare-up mode, the app follows a calm order:"),
                L(&[
                    "Stop loading: strength sessions pause.",
                    "Note what seems to set the pain off — sitting, bending, lifting, sleep, stress — so patterns can show.",
                    "Keep only what eases pain: short walks, gentle mobility, bracing practice.",
                    "Wait for pain of 2 or less on three days in a row.",
                    "Restart a phase lower and lighter, then climb again.",
                ]),
                P("Resist the urge to test the back with a heavy lift while it still hurts a little. Patience for a few days saves weeks."),
                P("If the flare comes with numbness, leg weakness, changes in bladder or bowel control, or fever, do not wait: get checked by a medical professional."),
            ],
            Lesson::Professional => &[
                P("This app trains; it does not diagnose. See a doctor or physiotherapist if anything in the safety questions changes, if pain keeps rising week after week, or if you are simply unsure."),
                P("Get urgent help the same day for changes in bladder or bowel control, numbness around the saddle area, or weakness in a leg that is new or getting worse."),
                P("Questions worth taking to a visit:"),
                L(&[
                    "What is most likely driving my pain?",
                    "Which movements should I avoid for now, and for how long?",
                    "What signs should make me stop and come back?",
                    "How should I progress once the visits end?",
                ]),
                P("History → Summary for your physio gathers your pain trend, function scores, training log and safety answers on one page to print or show."),
            ],
        }
    }
}

/// Which lessons have been read, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LessonsRead(pub u16);

impl LessonsRead {
    pub fn has(self, l: Lesson) -> bool {
        self.0 & l.bit() != 0
    }
    pub fn with(self, l: Lesson) -> LessonsRead {
        LessonsRead(self.0 | l.bit())
    }
    pub fn count(self) -> usize {
        Lesson::ALL.iter().filter(|l| self.has(**l)).count()
    }
}

/// What the user has done with lessons so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reading {
    pub read: LessonsRead,
    /// When a lesson was last read.
    pub last_read: Option<NaiveDate>,
    /// When the user last said "later" to an offer.
    pub later: Option<NaiveDate>,
}

/// Where the user is, as far as lessons care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Moment {
    /// At least one workout has been finished.
    pub trained: bool,
    pub flare: bool,
    /// This week's plan raises a load or a dose.
    pub progressing: bool,
    /// This week's plan holds or steps back because of how the back answered.
    pub held_by_response: bool,
}

impl Moment {
    pub fn of(plan: &Plan, trained: bool) -> Moment {
        let reasons = || {
            plan.sessions
                .iter()
                .flat_map(|s| s.exercises.iter().map(|e| &e.reason))
        };
        Moment {
            trained,
            flare: matches!(plan.mode, Mode::Flare { .. }),
            progressing: reasons().any(|r| lesson_for(r) == Some(Lesson::LoadAndCapacity)),
            held_by_response: reasons().any(|r| lesson_for(r) == Some(Lesson::DayAfter)),
        }
    }
}

/// Days between two regular offers (a lesson tied to the moment does not wait).
pub const DAYS_BETWEEN_LESSONS: i64 = 3;

/// The lesson to offer on Today (design): the one that explains what is happening now —
/// pain before the first workout, the flare when flare-up mode starts, load when the
/// first load goes up, the day-after check when the plan holds for it — and otherwise a
/// new one every few days, in the order of `Lesson::ALL`. Nothing on a day the user said
/// "later", and nothing already read.
pub fn lesson_to_offer(m: Moment, r: Reading, today: NaiveDate) -> Option<Lesson> {
    if r.later == Some(today) {
        return None;
    }
    let unread = |l: Lesson| !r.read.has(l);
    let now = [
        (m.flare, Lesson::Flare),
        (!m.trained, Lesson::HurtNotHarm),
        (m.progressing, Lesson::LoadAndCapacity),
        (m.held_by_response, Lesson::DayAfter),
    ];
    if let Some((_, l)) = now.into_iter().find(|(due, l)| *due && unread(*l)) {
        return Some(l);
    }
    let rested =
        |d: Option<NaiveDate>| d.is_none_or(|d| (today - d).num_days() >= DAYS_BETWEEN_LESSONS);
    if !(rested(r.last_read) && rested(r.later)) {
        return None;
    }
    // The day-after check makes sense once there has been a workout to answer for.
    Lesson::ALL
        .into_iter()
        .find(|l| unread(*l) && (m.trained || *l != Lesson::DayAfter))
}

/// The lesson that explains a reason the plan gives, for its "Why?" link.
pub fn lesson_for(reason: &Reason) -> Option<Lesson> {
    match reason {
        Reason::Progressed(_) | Reason::CappedWeekly | Reason::LadderUp { .. } => {
            Some(Lesson::LoadAndCapacity)
        }
        Reason::HeldStillRaised
        | Reason::HeldNoResponse
        | Reason::SteppedBack(_)
        | Reason::SteppedBackEasier { .. } => Some(Lesson::DayAfter),
        Reason::HeldPain(_) | Reason::SwappedForPain { .. } | Reason::EasiestAlready { .. } => {
            Some(Lesson::HurtNotHarm)
        }
        Reason::AfterFlare | Reason::WelcomeBack(_) => Some(Lesson::Flare),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, n).unwrap()
    }

    fn words(l: Lesson) -> usize {
        l.body()
            .iter()
            .map(|b| match b {
                Block::Para(p) => p.split_whitespace().count(),
                Block::Points(ps) => ps.iter().map(|p| p.split_whitespace().count()).sum(),
            })
            .sum()
    }

    #[test]
    fn lessons_are_ten_to_twelve_each_readable_in_two_minutes() {
        assert!((10..=12).contains(&Lesson::ALL.len()));
        for l in Lesson::ALL {
            let w = words(l);
            // About 200 words a minute on a phone.
            assert!((120..=400).contains(&w), "{l:?} has {w} words");
            assert_eq!(Lesson::from_slug(l.slug()), Some(l));
        }
    }

    #[test]
    fn lessons_never_promise_diagnose_or_sell() {
        for l in Lesson::ALL {
            for b in l.body() {
                let text = match b {
                    Block::Para(p) => p.to_lowercase(),
                    Block::Points(ps) => ps.join(" ").to_lowercase(),
                };
                for banned in [
                    "supplement",
                    "guarantee",
                    "cure",
                    "you have a",
                    "diagnosis is",
                ] {
                    assert!(!text.contains(banned), "{l:?}: {banned}");
                }
            }
        }
    }

    #[test]
    fn lesson_offer_pain_lesson_comes_before_the_first_workout() {
        let m = Moment::default();
        assert_eq!(
            lesson_to_offer(m, Reading::default(), d(1)),
            Some(Lesson::HurtNotHarm)
        );
    }

    /// The pain lesson read on `day`, nothing else.
    fn read_pain_lesson_on(day: NaiveDate) -> Reading {
        Reading {
            read: LessonsRead::default().with(Lesson::HurtNotHarm),
            last_read: Some(day),
            later: None,
        }
    }

    #[test]
    fn lesson_offer_flare_lesson_when_flare_mode_starts_even_right_after_another() {
        let r = read_pain_lesson_on(d(5));
        let m = Moment {
            trained: true,
            flare: true,
            ..Moment::default()
        };
        assert_eq!(lesson_to_offer(m, r, d(5)), Some(Lesson::Flare));
    }

    #[test]
    fn lesson_offer_load_lesson_when_the_first_load_goes_up() {
        let r = read_pain_lesson_on(d(5));
        let m = Moment {
            trained: true,
            progressing: true,
            ..Moment::default()
        };
        assert_eq!(lesson_to_offer(m, r, d(6)), Some(Lesson::LoadAndCapacity));
    }

    #[test]
    fn lesson_offer_a_new_one_every_few_days_and_never_one_already_read() {
        let m = Moment {
            trained: true,
            ..Moment::default()
        };
        let mut r = Reading::default();
        let mut day = d(1);
        let mut seen = Vec::new();
        for _ in 0..60 {
            if let Some(l) = lesson_to_offer(m, r, day) {
                assert!(!seen.contains(&l), "{l:?} offered twice");
                if let Some(last) = r.last_read {
                    assert!((day - last).num_days() >= DAYS_BETWEEN_LESSONS);
                }
                seen.push(l);
                r.read = r.read.with(l);
                r.last_read = Some(day);
            }
            day = day.succ_opt().unwrap();
        }
        // Flare is offered by the moment or in order; every lesson comes round.
        assert_eq!(seen.len(), Lesson::ALL.len());
        assert_eq!(lesson_to_offer(m, r, day), None);
    }

    #[test]
    fn lesson_offer_later_hides_it_for_the_day_and_the_next_waits_a_few_days() {
        let m = Moment {
            trained: true,
            ..Moment::default()
        };
        let r = Reading {
            later: Some(d(10)),
            ..Reading::default()
        };
        assert_eq!(lesson_to_offer(m, r, d(10)), None);
        assert_eq!(lesson_to_offer(m, r, d(12)), None);
        assert_eq!(lesson_to_offer(m, r, d(13)), Some(Lesson::RestAlone));
        // What the moment calls for still comes the next day.
        let flare = Moment { flare: true, ..m };
        assert_eq!(lesson_to_offer(flare, r, d(11)), Some(Lesson::Flare));
    }

    #[test]
    fn lesson_offer_day_after_lesson_waits_for_a_workout() {
        let read_first = LessonsRead::default()
            .with(Lesson::RestAlone)
            .with(Lesson::HurtNotHarm);
        let r = Reading {
            read: read_first,
            last_read: Some(d(1)),
            later: None,
        };
        let before = Moment {
            trained: false,
            ..Moment::default()
        };
        assert_eq!(
            lesson_to_offer(before, r, d(9)),
            Some(Lesson::LoadAndCapacity)
        );
        let after = Moment {
            trained: true,
            ..Moment::default()
        };
        assert_eq!(lesson_to_offer(after, r, d(9)), Some(Lesson::DayAfter));
    }

    #[test]
    fn why_link_a_held_dose_opens_the_day_after_lesson() {
        assert_eq!(lesson_for(&Reason::HeldStillRaised), Some(Lesson::DayAfter));
        assert_eq!(lesson_for(&Reason::Start), None);
    }
}
