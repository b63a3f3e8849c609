//! The exercise figure as SVG: every part a path whose shape is animated between the
//! frames of the movement (SMIL, so no wasm runs per frame), in time with the tempo when
//! asked. With reduced motion the key poses are shown side by side instead.

use crate::domain::equipment::Equipment;
use crate::domain::figure::{
    ease, figure_for, timeline, Body, Figure, Gear, Pose, Pt, FLOOR, HEAD_R, R_TORSO, VIEW_H,
    VIEW_W,
};
use crate::domain::library::Exercise;
use leptos::prelude::*;
use std::fmt::Write;

/// Frames between two different key poses.
const STEPS: usize = 6;

fn num(out: &mut String, v: f32) {
    // One decimal is finer than a pixel at phone size and keeps the markup short. Written
    // as whole tenths: float formatting was a sixth of a workout's first render.
    let tenths = (v * 10.0).round() as i32;
    if tenths < 0 {
        out.push('-');
    }
    let t = tenths.unsigned_abs();
    let _ = write!(out, "{}", t / 10);
    if !t.is_multiple_of(10) {
        out.push('.');
        out.push(char::from(b'0' + (t % 10) as u8));
    }
}

/// `x y`, after the path command `cmd`.
fn point(out: &mut String, cmd: char, p: Pt) {
    out.push(cmd);
    num(out, p.x);
    out.push(' ');
    num(out, p.y);
}

fn line(out: &mut String, a: Pt, b: Pt) {
    point(out, 'M', a);
    point(out, 'L', b);
}

/// The back: always a curve, so every frame's path has the same commands to animate.
fn curve(out: &mut String, a: Pt, control: Pt, b: Pt) {
    point(out, 'M', a);
    point(out, 'Q', control);
    point(out, ' ', b);
}

fn circle(out: &mut String, c: Pt, r: f32) {
    point(out, 'M', Pt { x: c.x - r, y: c.y });
    out.push('a');
    num(out, r);
    out.push(' ');
    num(out, r);
    out.push_str(" 0 1 0 ");
    num(out, 2.0 * r);
    out.push_str(" 0a");
    num(out, r);
    out.push(' ');
    num(out, r);
    out.push_str(" 0 1 0 ");
    num(out, -2.0 * r);
    out.push_str(" 0");
}

fn mid(a: Pt, b: Pt) -> Pt {
    Pt {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    }
}

/// A moving shape: its class, its stroke width and its path in one frame.
type Shape = (&'static str, f32, String);

/// The load and the bands, which move with the body.
fn moving_gear(b: &Body, gear: &[Gear], eq: Equipment) -> Vec<Shape> {
    let mut v = Vec::new();
    let load = |at: Pt, v: &mut Vec<Shape>| {
        let mut d = String::new();
        match eq {
            Equipment::Kettlebell => {
                circle(
                    &mut d,
                    Pt {
                        x: at.x,
                        y: at.y + 6.0,
                    },
                    5.5,
                );
                v.push(("load", 1.0, d));
            }
            Equipment::Barbell => {
                circle(&mut d, at, 11.0);
                v.push(("plate", 3.0, d));
            }
            Equipment::Dumbbells | Equipment::Bodyweight => {
                circle(&mut d, at, 4.0);
                v.push(("load", 1.0, d));
            }
            Equipment::Bands | Equipment::Cable => {}
        }
    };
    for g in gear {
        match *g {
            Gear::Hands => {
                if eq == Equipment::Barbell {
                    load(mid(b.hand[0], b.hand[1]), &mut v);
                } else {
                    load(b.hand[1], &mut v);
                    load(b.hand[0], &mut v);
                }
            }
            Gear::NearHand => load(b.hand[0], &mut v),
            Gear::Chest => load(mid(b.hand[0], b.hand[1]), &mut v),
            Gear::Shoulders => {
                // On the upper back: a little down the torso and behind it.
                let dx = b.neck.x - b.pelvis.x;
                let dy = b.neck.y - b.pelvis.y;
                let n = (dx * dx + dy * dy).sqrt().max(0.01);
                let at = Pt {
                    x: b.neck.x - dx / n * 4.0 + dy / n * 7.0,
                    y: b.neck.y - dy / n * 4.0 - dx / n * 7.0,
                };
                load(at, &mut v);
            }
            Gear::Bags => {
                for h in [b.hand[1], b.hand[0]] {
                    let mut d = String::new();
                    line(
                        &mut d,
                        h,
                        Pt {
                            x: h.x,
                            y: h.y + 9.0,
                        },
                    );
                    v.push(("bag", 9.0, d));
                }
            }
            Gear::Pull(x, h) => {
                let mut d = String::new();
                line(&mut d, Pt { x, y: FLOOR - h }, mid(b.hand[0], b.hand[1]));
                v.push(("band", 1.5, d));
            }
            Gear::PullAnkle(x, h) => {
                let mut d = String::new();
                line(&mut d, Pt { x, y: FLOOR - h }, b.ankle[1]);
                v.push(("band", 1.5, d));
            }
            Gear::KneeBand => {
                let mut d = String::new();
                line(&mut d, b.knee[0], b.knee[1]);
                v.push(("band", 2.5, d));
            }
            Gear::BandHands => {
                let mut d = String::new();
                line(&mut d, b.hand[0], b.hand[1]);
                v.push(("band", 2.5, d));
            }
            Gear::Stick => {
                // Along the back, touching head, upper back and tailbone.
                let back = |p: Pt, by: f32| {
                    let dx = b.neck.x - b.pelvis.x;
                    let dy = b.neck.y - b.pelvis.y;
                    let n = (dx * dx + dy * dy).sqrt().max(0.01);
                    Pt {
                        x: p.x + dy / n * by,
                        y: p.y - dx / n * by,
                    }
                };
                let mut d = String::new();
                line(
                    &mut d,
                    back(b.pelvis, -R_TORSO - 2.0),
                    back(b.head, -HEAD_R - 1.0),
                );
                v.push(("stick", 2.5, d));
            }
            Gear::Wheel => {
                let mut d = String::new();
                circle(
                    &mut d,
                    Pt {
                        x: b.hand[0].x,
                        y: FLOOR - 6.0,
                    },
                    6.0,
                );
                v.push(("load", 1.0, d));
            }
            _ => {}
        }
    }
    v
}

/// What stays put: floor, mat, wall, box, bench, step, door frame, cable column.
fn fixed_gear(f: &Figure, gear: &[Gear], eq: Equipment) -> String {
    let mut s = String::new();
    // Props sit where the key poses need them, whichever pose is drawn.
    let keys: Vec<Body> = f.poses.iter().map(|p| f.place(p)).collect();
    let rect = |s: &mut String, x: f32, y: f32, w: f32, h: f32| {
        let _ = write!(
            s,
            r#"<rect class="prop" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="2"/>"#,
            x,
            y,
            w,
            h.max(1.0)
        );
    };
    let lowest = |p: fn(&Body) -> Pt| {
        keys.iter()
            .map(p)
            .max_by(|a, b| a.y.total_cmp(&b.y))
            .unwrap_or_default()
    };
    for g in gear {
        match *g {
            Gear::Mat => rect(&mut s, 8.0, FLOOR - 3.0, VIEW_W - 16.0, 3.0),
            Gear::Wall => {
                let x = keys
                    .iter()
                    .map(|b| b.pelvis.x - R_TORSO)
                    .fold(f32::MAX, f32::min);
                rect(&mut s, x - 6.0, 4.0, 6.0, FLOOR - 4.0);
            }
            Gear::Seat => {
                let p = lowest(|b| b.pelvis);
                let top = p.y + R_TORSO;
                rect(&mut s, p.x - 14.0, top, 26.0, FLOOR - top);
            }
            Gear::Bench => {
                let p = lowest(|b| b.neck);
                let top = p.y + R_TORSO;
                rect(&mut s, p.x - 22.0, top, 30.0, FLOOR - top);
            }
            Gear::FootBench => {
                let p = lowest(|b| b.ankle[1]);
                let top = p.y + 3.5;
                rect(&mut s, p.x - 16.0, top, 26.0, FLOOR - top);
            }
            Gear::Step(h) => {
                let a = f.place(&f.poses[0]).ankle[0];
                rect(&mut s, a.x - 12.0, FLOOR - h, 32.0, h);
            }
            Gear::Frame => {
                let x = keys.iter().map(|b| b.hand[0].x).fold(f32::MIN, f32::max);
                rect(&mut s, x + 1.0, 4.0, 5.0, FLOOR - 4.0);
            }
            Gear::Pull(x, h) | Gear::PullAnkle(x, h) if eq == Equipment::Cable => {
                rect(&mut s, x - 3.0, 6.0, 6.0, FLOOR - 6.0);
                let _ = write!(
                    s,
                    r#"<circle class="prop" cx="{x:.1}" cy="{:.1}" r="3"/>"#,
                    FLOOR - h
                );
            }
            Gear::Pull(x, h) | Gear::PullAnkle(x, h) => {
                let _ = write!(
                    s,
                    r#"<circle class="prop" cx="{x:.1}" cy="{:.1}" r="2.5"/>"#,
                    FLOOR - h
                );
            }
            _ => {}
        }
    }
    let _ = write!(s, r#"<path class="floor" d="M0 {FLOOR}.5H{VIEW_W}"/>"#);
    s
}

/// Every shape of one placed body, in drawing order (far side first).
fn shapes(b: &Body, gear: &[Gear], eq: Equipment) -> Vec<Shape> {
    let mut v: Vec<Shape> = b
        .capsules()
        .into_iter()
        .map(|(p, q, r, near)| {
            let mut d = String::new();
            if (p, q) == (b.pelvis, b.neck) {
                curve(&mut d, p, b.back, q);
            } else {
                line(&mut d, p, q);
            }
            (if near { "near" } else { "far" }, 2.0 * r, d)
        })
        .collect();
    let mut head = String::new();
    circle(&mut head, b.head, HEAD_R - 1.0);
    v.push(("head", 2.0, head));
    v.extend(moving_gear(b, gear, eq));
    v
}

/// The frames of one loop: (seconds from the start, pose).
fn frames(f: &Figure, tempo: Option<(f32, f32, f32)>) -> Vec<(f32, Pose)> {
    let mut out = Vec::new();
    let mut t = 0.0;
    for (a, b, secs) in timeline(f.poses.len(), tempo) {
        let (pa, pb) = (&f.poses[a], &f.poses[b]);
        if a == b {
            out.push((t, *pa));
        } else {
            for i in 0..STEPS {
                let s = ease(i as f32 / STEPS as f32);
                out.push((
                    t + secs * i as f32 / STEPS as f32,
                    Figure::between(pa, pb, s),
                ));
            }
        }
        t += secs;
    }
    out.push((t, f.poses[0]));
    out
}

/// The SVG markup of a figure moving through its loop.
pub fn animated(f: &Figure, eq: Equipment, tempo: Option<(f32, f32, f32)>) -> String {
    let frames = frames(f, tempo);
    let total = frames.last().map_or(1.0, |(t, _)| *t).max(0.1);
    let bodies: Vec<Body> = frames.iter().map(|(_, p)| f.place(p)).collect();
    let per_frame: Vec<Vec<Shape>> = bodies.iter().map(|b| shapes(b, f.gear, eq)).collect();
    let mut key_times = String::new();
    for (i, (t, _)) in frames.iter().enumerate() {
        if i > 0 {
            key_times.push(';');
        }
        let _ = write!(key_times, "{:.3}", t / total);
    }
    let mut s = fixed_gear(f, f.gear, eq);
    let count = per_frame.first().map_or(0, Vec::len);
    for k in 0..count {
        let (class, w, ref first) = per_frame[0][k];
        let _ = write!(
            s,
            r#"<path class="{class}" stroke-width="{w:.1}" d="{first}"><animate attributeName="d" dur="{total:.2}s" repeatCount="indefinite" calcMode="linear" keyTimes="{key_times}" values=""#
        );
        for (i, shapes) in per_frame.iter().enumerate() {
            if i > 0 {
                s.push(';');
            }
            if let Some((_, _, d)) = shapes.get(k) {
                s.push_str(d);
            }
        }
        s.push_str(r#""/></path>"#);
    }
    s
}

/// The SVG markup of one key pose, still.
pub fn still(f: &Figure, eq: Equipment, pose: &Pose) -> String {
    let b = f.place(pose);
    let mut s = fixed_gear(f, f.gear, eq);
    for (class, w, d) in shapes(&b, f.gear, eq) {
        let _ = write!(
            s,
            r#"<path class="{class}" stroke-width="{w:.1}" d="{d}"/>"#
        );
    }
    s
}

fn view_box() -> String {
    format!("0 0 {VIEW_W} {VIEW_H}")
}

/// An exercise's figure: moving (in time with `tempo` when given: down, pause, up
/// seconds), and its key poses side by side for those who prefer less motion.
#[component]
pub fn ExerciseFigure(
    exercise: &'static Exercise,
    #[prop(default = None)] with: Option<Equipment>,
    #[prop(default = None)] tempo: Option<(f32, f32, f32)>,
) -> impl IntoView {
    let Some((f, eq)) = figure_for(exercise, with) else {
        return ().into_any();
    };
    let label = f.describe(exercise.name);
    // In step with a tempo: its clock starts when it appears.
    let svg = NodeRef::<leptos::svg::Svg>::new();
    if tempo.is_some() {
        Effect::new(move |_| {
            if let Some(el) = svg.get() {
                crate::platform::animation::restart(&el);
            }
        });
    }
    let moving = animated(&f, eq, tempo);
    let stills = f
        .poses
        .iter()
        .map(|p| (p.says, still(&f, eq, p)))
        .collect::<Vec<_>>();
    view! {
        <figure class="figure">
            <svg node_ref=svg class="fig fig-anim" viewBox=view_box() role="img" aria-label=label.clone() inner_html=moving></svg>
            <div class="fig-stills" role="img" aria-label=format!("{label} (still)")>
                {stills.into_iter().map(|(says, svg)| view! {
                    <svg class="fig" viewBox=view_box() aria-hidden="true" data-says=says inner_html=svg></svg>
                }).collect_view()}
            </div>
        </figure>
    }
    .into_any()
}
