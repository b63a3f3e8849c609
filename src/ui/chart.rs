//! Small SVG charts: crisp at any size, coloured by CSS classes so they follow the dark
//! theme, each a figure with an accessible name and a one-line reading under it.

use leptos::prelude::*;

// Ten units per CSS pixel at phone width: coordinates print as integers (float
// formatting would cost kilobytes of wasm).
pub const W: f64 = 3200.0;
pub const H: f64 = 1200.0;
const PAD: f64 = 40.0;

/// A coordinate as an integer string.
pub fn px(v: f64) -> String {
    (v.round() as i64).to_string()
}

/// One decimal, e.g. 2.35 → "2.4", without float formatting.
/// How a pain trend reads in a sentence ("… lower than the weeks before").
pub fn direction_words(d: crate::domain::insight::Direction) -> &'static str {
    use crate::domain::insight::Direction;
    match d {
        Direction::Lower => "lower than",
        Direction::Higher => "higher than",
        Direction::Same => "about the same as",
    }
}

pub fn dec1(v: f32) -> String {
    let t = (v * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

/// Height in the plot of `v` on a 0..=`max` scale (SVG y grows downward).
pub fn y_of(v: f64, max: f64) -> f64 {
    let max = if max > 0.0 { max } else { 1.0 };
    let v = v.clamp(0.0, max);
    PAD + (H - 2.0 * PAD) * (1.0 - v / max)
}

/// Centre x of column `i` of `n`.
pub fn x_of(i: usize, n: usize) -> f64 {
    let n = n.max(1) as f64;
    (i as f64 + 0.5) * W / n
}

/// Polyline paths for a series with gaps: a missing value breaks the line.
pub fn line_path(values: &[Option<f64>], max: f64) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for (i, v) in values.iter().enumerate() {
        match v {
            Some(v) => {
                let cmd = if pen_down { 'L' } else { 'M' };
                d.push_str(&format!(
                    "{cmd}{} {}",
                    px(x_of(i, values.len())),
                    px(y_of(*v, max))
                ));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

/// The largest value, never below `floor` (so an all-zero series still has a scale).
pub fn max_of(values: impl Iterator<Item = f64>, floor: f64) -> f64 {
    values.fold(floor, f64::max)
}

fn bars_view(bars: &[f64], max: f64, class: &'static str) -> impl IntoView {
    let count = bars.len();
    let w = (W / count.max(1) as f64 * 0.7).max(6.0);
    bars.iter()
        .enumerate()
        .filter(|(_, v)| **v > 0.0)
        .map(|(i, v)| {
            let y = y_of(*v, max);
            view! {
                <rect class=class x=px(x_of(i, count) - w / 2.0) y=px(y)
                    width=px(w) height=px((H - PAD - y).max(0.0))/>
            }
        })
        .collect_view()
}

/// Bars (left, own scale) with a line over them on a fixed scale (e.g. pain 0–10).
#[component]
pub fn BarLineChart(
    title: String,
    bars: Vec<f64>,
    line: Vec<Option<f64>>,
    line_max: f64,
    reading: String,
    #[prop(optional)] legend: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let bar_max = max_of(bars.iter().copied(), 1.0);
    let path = line_path(&line, line_max);
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=title.clone()>
                <line class="axis" x1="0" x2=px(W) y1=px(H - PAD) y2=px(H - PAD)/>
                {bars_view(&bars, bar_max, "bar")}
                <path class="line" d=path vector-effect="non-scaling-stroke"/>
            </svg>
            {legend.map(|(b, l)| view! {
                <p class="legend small"><span class="item"><span class="key bar-key"></span>{b}</span><span class="item"><span class="key line-key"></span>{l}</span></p>
            })}
            <figcaption><strong>{title}</strong>" "{reading}</figcaption>
        </figure>
    }
}

/// Weekly volume bars with the most the 10 % rule allows drawn over each week.
#[component]
pub fn CapChart(title: String, series: Vec<(u64, Option<u64>)>, reading: String) -> impl IntoView {
    let n = series.len();
    let max = max_of(
        series
            .iter()
            .flat_map(|(v, c)| [*v as f64, c.unwrap_or(0) as f64]),
        1.0,
    );
    let bars: Vec<f64> = series.iter().map(|(v, _)| *v as f64).collect();
    let over: Vec<f64> = series
        .iter()
        .map(|(v, c)| match c {
            Some(c) if v > c => *v as f64,
            _ => 0.0,
        })
        .collect();
    let w = W / n.max(1) as f64;
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=title.clone()>
                <line class="axis" x1="0" x2=px(W) y1=px(H - PAD) y2=px(H - PAD)/>
                {bars_view(&bars, max, "bar")}
                {bars_view(&over, max, "bar over")}
                {series.iter().enumerate().filter_map(|(i, (_, c))| c.map(|c| {
                    let y = y_of(c as f64, max);
                    view! { <line class="cap" x1=px(x_of(i, n) - w / 2.0) x2=px(x_of(i, n) + w / 2.0) y1=px(y) y2=px(y) vector-effect="non-scaling-stroke"/> }
                })).collect_view()}
            </svg>
            <p class="legend small"><span class="item"><span class="key bar-key"></span>"weekly volume"</span><span class="item"><span class="key cap-key"></span>{format!("+{} on the week before", super::words::weekly_cap())}</span></p>
            <figcaption><strong>{title}</strong>" "{reading}</figcaption>
        </figure>
    }
}

/// One band per week, coloured by phase, with flare weeks marked.
#[component]
pub fn PhaseTimeline(phases: Vec<u8>, flare: Vec<bool>, reading: String) -> impl IntoView {
    let n = phases.len();
    let w = W / n.max(1) as f64;
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} 400") role="img" aria-label="Phases over time, flare-ups marked">
                {phases.iter().enumerate().map(|(i, p)| view! {
                    <rect class=format!("phase-{p}") x=px(i as f64 * w) y="80" width=px(w + 0.5) height="240"/>
                }).collect_view()}
                {flare.iter().enumerate().filter(|(_, f)| **f).map(|(i, _)| view! {
                    <rect class="flare-mark" x=px(i as f64 * w) y="0" width=px(w.max(10.0)) height="80"/>
                }).collect_view()}
            </svg>
            <p class="legend small">
                <span class="item"><span class="key phase-1"></span>"Phase 1"</span><span class="item"><span class="key phase-2"></span>"Phase 2"</span>
                <span class="item"><span class="key phase-3"></span>"Phase 3"</span><span class="item"><span class="key flare-mark"></span>"flare-up"</span>
            </p>
            <figcaption><strong>"Phases"</strong>" "{reading}</figcaption>
        </figure>
    }
}

/// Scores over time (0–10) with a shaded band where change is not yet meaningful.
#[component]
pub fn BandChart(
    title: String,
    points: Vec<f64>,
    band: Option<(f64, f64)>,
    reading: String,
) -> impl IntoView {
    let line: Vec<Option<f64>> = points.iter().copied().map(Some).collect();
    let n = points.len();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=title.clone()>
                {band.map(|(lo, hi)| view! {
                    <rect class="band" x="0" width=px(W) y=px(y_of(hi, 10.0)) height=px(y_of(lo, 10.0) - y_of(hi, 10.0))/>
                })}
                <path class="line" d=line_path(&line, 10.0) vector-effect="non-scaling-stroke"/>
                {points.iter().enumerate().map(|(i, v)| view! {
                    <circle class="dot" cx=px(x_of(i, n)) cy=px(y_of(*v, 10.0)) r="30"/>
                }).collect_view()}
            </svg>
            <p class="legend small"><span class="item"><span class="key line-key"></span>"score (0–10)"</span><span class="item"><span class="key band-key"></span>"within 2 points of the first: not yet a real change"</span></p>
            <figcaption><strong>{title}</strong>" "{reading}</figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn y_of_maps_zero_to_the_bottom_and_max_to_the_top_and_clamps() {
        assert_eq!(y_of(0.0, 10.0), H - PAD);
        assert_eq!(y_of(10.0, 10.0), PAD);
        assert_eq!(y_of(50.0, 10.0), PAD);
        assert_eq!(y_of(-1.0, 10.0), H - PAD);
        assert_eq!(y_of(3.0, 0.0), PAD, "a zero scale does not divide by zero");
    }

    #[test]
    fn numbers_print_without_float_formatting() {
        assert_eq!(px(12.6), "13");
        assert_eq!(dec1(2.35), "2.4");
        assert_eq!(dec1(-0.26), "-0.3");
        assert_eq!(dec1(7.0), "7.0");
    }

    #[test]
    fn line_path_breaks_at_missing_values() {
        let d = line_path(&[Some(0.0), Some(10.0), None, Some(5.0)], 10.0);
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('L').count(), 1);
        assert_eq!(line_path(&[None, None], 10.0), "");
    }

    #[test]
    fn columns_are_centred_and_fill_the_width() {
        assert_eq!(x_of(0, 2), W / 4.0);
        assert_eq!(x_of(1, 2), 3.0 * W / 4.0);
        assert_eq!(max_of([1.0, 7.0].into_iter(), 0.0), 7.0);
        assert_eq!(max_of(std::iter::empty(), 1.0), 1.0);
    }
}
