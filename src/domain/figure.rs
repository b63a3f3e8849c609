//! A small 2-D figure that shows how an exercise moves: capsule limbs of fixed length,
//! posed by the angle of each body segment, placed on the floor by what rests on it.
//! Each library exercise is data: a view, two to four key poses and where its load is.
//! Angles are degrees: 0 points straight down, 90 forward (the figure faces right),
//! 180 straight up, -90 backward.

use super::equipment::Equipment;
use super::library::Exercise;

/// The drawing area every figure fits in, and the floor line inside it.
pub const VIEW_W: f32 = 160.0;
pub const VIEW_H: f32 = 126.0;
pub const FLOOR: f32 = 118.0;

pub const THIGH: f32 = 24.0;
pub const SHIN: f32 = 24.0;
pub const FOOT: f32 = 8.0;
pub const TORSO: f32 = 30.0;
pub const NECK: f32 = 11.0;
pub const HEAD_R: f32 = 6.5;
pub const UPPER: f32 = 16.0;
pub const FORE: f32 = 15.0;

/// Half the drawn thickness of each part: where its edge meets the floor.
pub const R_TORSO: f32 = 6.5;
pub const R_THIGH: f32 = 4.5;
pub const R_SHIN: f32 = 3.5;
pub const R_FOOT: f32 = 2.0;
pub const R_UPPER: f32 = 3.0;
pub const R_FORE: f32 = 2.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Side,
    /// Seen from the front: left and right limbs apart.
    Front,
}

/// A body part resting on the floor. The first one of a pose places the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contact {
    Feet,
    NearFoot,
    FarFoot,
    NearKnee,
    FarKnee,
    Knees,
    Hands,
    FarHand,
    Forearm,
    Back,
    Seat,
    /// The near foot on the step (`STEP`).
    NearFootOnStep,
}

/// The height of a step-up's step.
pub const STEP: f32 = 12.0;

/// One key pose: the angle of every segment, near side first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pose {
    pub torso: f32,
    pub head: f32,
    pub thigh: [f32; 2],
    pub shin: [f32; 2],
    pub foot: [f32; 2],
    pub upper: [f32; 2],
    pub fore: [f32; 2],
    /// What rests on the floor; the first places the figure.
    pub rests: &'static [Contact],
    /// Lifts the whole figure (standing on a step).
    pub lift: f32,
    /// How far the middle of the back rounds out (+) or sags in (−) from the straight line
    /// between pelvis and neck: a spine that bends, as in the cat–camel.
    pub arch: f32,
    /// What the pose shows, for the figure's accessible name.
    pub says: &'static str,
}

/// Where the exercise's load sits; what it is drawn as follows the equipment used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Gear {
    /// Held in both hands, one weight each (or one bar).
    Hands,
    /// One weight in the near hand.
    NearHand,
    /// One weight held at the chest in both hands.
    Chest,
    /// A bar across the shoulders.
    Shoulders,
    /// A band or cable pulled from a fixed point (x, height above the floor).
    Pull(f32, f32),
    /// A band or cable pulled from a fixed point to the far ankle.
    PullAnkle(f32, f32),
    /// A band around the knees.
    KneeBand,
    /// Shopping bags, one in each hand.
    Bags,
    /// A bench under the far (back) foot.
    FootBench,
    /// A band held between the hands.
    BandHands,
    /// A stick along the back.
    Stick,
    /// A box or chair under the seat at its lowest.
    Seat,
    /// A bench under the shoulders at their lowest.
    Bench,
    /// A step of this height under the near foot.
    Step(f32),
    /// A wall behind the hips at their furthest.
    Wall,
    /// A door frame just past the hands' furthest reach.
    Frame,
    /// A wheel under the hands.
    Wheel,
    /// An exercise mat.
    Mat,
}

/// An exercise's figure: its view, key poses and gear.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub view: View,
    pub poses: &'static [Pose],
    pub gear: &'static [Gear],
    /// The x the first resting part stays at; `None`: the pelvis stays centred (walking).
    pub anchor: Option<f32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pt {
    pub x: f32,
    pub y: f32,
}

impl Pt {
    fn at(self, len: f32, deg: f32) -> Pt {
        let r = deg.to_radians();
        Pt {
            x: self.x + len * r.sin(),
            y: self.y + len * r.cos(),
        }
    }
    fn shift(self, dx: f32, dy: f32) -> Pt {
        Pt {
            x: self.x + dx,
            y: self.y + dy,
        }
    }
    pub fn dist(self, o: Pt) -> f32 {
        ((self.x - o.x).powi(2) + (self.y - o.y).powi(2)).sqrt()
    }
}

/// Joint positions of a placed pose. Index 0 is the near side.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Body {
    pub pelvis: Pt,
    pub neck: Pt,
    pub head: Pt,
    pub hip: [Pt; 2],
    pub knee: [Pt; 2],
    pub ankle: [Pt; 2],
    pub toe: [Pt; 2],
    pub shoulder: [Pt; 2],
    pub elbow: [Pt; 2],
    pub hand: [Pt; 2],
    /// The control point of the back's curve from pelvis to neck (their midpoint when
    /// the back is straight).
    pub back: Pt,
}

impl Body {
    /// Every capsule: its two ends, its half-thickness and whether it is on the near side.
    pub fn capsules(&self) -> Vec<(Pt, Pt, f32, bool)> {
        let mut v = Vec::with_capacity(11);
        for s in [1, 0] {
            let near = s == 0;
            v.push((self.hip[s], self.knee[s], R_THIGH, near));
            v.push((self.knee[s], self.ankle[s], R_SHIN, near));
            v.push((self.ankle[s], self.toe[s], R_FOOT, near));
        }
        v.push((self.pelvis, self.neck, R_TORSO, true));
        for s in [1, 0] {
            let near = s == 0;
            v.push((self.shoulder[s], self.elbow[s], R_UPPER, near));
            v.push((self.elbow[s], self.hand[s], R_FORE, near));
        }
        v
    }

    fn bottom(&self, c: Contact) -> (f32, f32) {
        let foot = |s: usize| {
            (
                (self.ankle[s].y + R_SHIN).max(self.toe[s].y + R_FOOT),
                self.ankle[s].x,
            )
        };
        let low = |a: (f32, f32), b: (f32, f32)| if a.0 >= b.0 { a } else { b };
        match c {
            Contact::Feet => low(foot(0), foot(1)),
            Contact::NearFoot => foot(0),
            Contact::FarFoot => foot(1),
            Contact::NearKnee => (self.knee[0].y + R_SHIN, self.knee[0].x),
            Contact::FarKnee => (self.knee[1].y + R_SHIN, self.knee[1].x),
            Contact::Knees => low(
                (self.knee[0].y + R_SHIN, self.knee[0].x),
                (self.knee[1].y + R_SHIN, self.knee[1].x),
            ),
            Contact::Hands => (self.hand[0].y + R_FORE, self.hand[0].x),
            Contact::FarHand => (self.hand[1].y + R_FORE, self.hand[1].x),
            Contact::Forearm => (
                (self.elbow[0].y).max(self.hand[0].y) + R_FORE,
                self.elbow[0].x,
            ),
            Contact::Back => (self.neck.y + R_TORSO, self.neck.x),
            Contact::Seat => (self.pelvis.y + R_TORSO, self.pelvis.x),
            Contact::NearFootOnStep => {
                let (y, x) = foot(0);
                (y + STEP, x)
            }
        }
    }

    /// How far above the floor a resting part's lowest edge is (0 = touching).
    pub fn gap(&self, c: Contact, lift: f32) -> f32 {
        FLOOR - lift - self.bottom(c).0
    }

    /// The lowest edge of anything drawn.
    pub fn lowest(&self) -> f32 {
        let caps = self.capsules();
        let limbs = caps
            .iter()
            .map(|(a, b, r, _)| a.y.max(b.y) + r)
            .fold(f32::MIN, f32::max);
        limbs.max(self.head.y + HEAD_R)
    }

    /// Bounds of everything drawn: (min x, min y, max x, max y).
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        let mut b = (
            self.head.x - HEAD_R,
            self.head.y - HEAD_R,
            self.head.x + HEAD_R,
            self.head.y + HEAD_R,
        );
        for (p, q, r, _) in self.capsules() {
            for e in [p, q] {
                b = (
                    b.0.min(e.x - r),
                    b.1.min(e.y - r),
                    b.2.max(e.x + r),
                    b.3.max(e.y + r),
                );
            }
        }
        b
    }

    fn moved(mut self, dx: f32, dy: f32) -> Body {
        for p in [
            &mut self.pelvis,
            &mut self.neck,
            &mut self.head,
            &mut self.back,
        ] {
            *p = p.shift(dx, dy);
        }
        for arr in [
            &mut self.hip,
            &mut self.knee,
            &mut self.ankle,
            &mut self.toe,
            &mut self.shoulder,
            &mut self.elbow,
            &mut self.hand,
        ] {
            for p in arr.iter_mut() {
                *p = p.shift(dx, dy);
            }
        }
        self
    }
}

/// Forward kinematics: joint positions with the pelvis at the origin.
fn joints(p: &Pose, view: View) -> Body {
    let pelvis = Pt::default();
    let neck = pelvis.at(TORSO, p.torso);
    let head = neck.at(NECK, p.head);
    // Seen from the front, hips and shoulders sit apart across the body.
    let (hip_w, sh_w) = match view {
        View::Side => (0.0, 0.0),
        View::Front => (5.0, 9.0),
    };
    let across = p.torso + 90.0;
    // A quadratic curve bulges half as far as its control point: the back's side is
    // behind the torso (the figure faces right).
    let back = pelvis
        .at(TORSO / 2.0, p.torso)
        .at(2.0 * p.arch, p.torso + 90.0);
    let mut b = Body {
        pelvis,
        neck,
        head,
        back,
        ..Body::default()
    };
    for s in 0..2 {
        let sign = if s == 0 { 1.0 } else { -1.0 };
        b.hip[s] = pelvis.at(hip_w * sign, across);
        b.knee[s] = b.hip[s].at(THIGH, p.thigh[s]);
        b.ankle[s] = b.knee[s].at(SHIN, p.shin[s]);
        b.toe[s] = b.ankle[s].at(FOOT, p.foot[s]);
        b.shoulder[s] = neck.at(sh_w * sign, across);
        b.elbow[s] = b.shoulder[s].at(UPPER, p.upper[s]);
        b.hand[s] = b.elbow[s].at(FORE, p.fore[s]);
    }
    b
}

impl Figure {
    /// A pose placed in the view: its first resting part on the floor (or the step) at the
    /// figure's anchor.
    pub fn place(&self, p: &Pose) -> Body {
        let placed = self.place_as_drawn(p);
        if p.rests.len() < 2 {
            return placed;
        }
        self.place_as_drawn(&reach_floor(p, &placed))
    }

    fn place_as_drawn(&self, p: &Pose) -> Body {
        let b = joints(p, self.view);
        let first = p.rests.first().copied().unwrap_or(Contact::Feet);
        let (bottom, x) = b.bottom(first);
        let dx = match self.anchor {
            Some(ax) => ax - x,
            None => VIEW_W / 2.0 - b.pelvis.x,
        };
        b.moved(dx, FLOOR - p.lift - bottom)
    }

    /// The pose `t` of the way (0–1) from `a` to `b`, angle by angle, so limbs keep their
    /// length in between.
    pub fn between(a: &Pose, b: &Pose, t: f32) -> Pose {
        let mix = |x: f32, y: f32| x + (y - x) * t;
        let mix2 = |x: [f32; 2], y: [f32; 2]| [mix(x[0], y[0]), mix(x[1], y[1])];
        let near = if t < 0.5 { a } else { b };
        Pose {
            torso: mix(a.torso, b.torso),
            head: mix(a.head, b.head),
            thigh: mix2(a.thigh, b.thigh),
            shin: mix2(a.shin, b.shin),
            foot: mix2(a.foot, b.foot),
            upper: mix2(a.upper, b.upper),
            fore: mix2(a.fore, b.fore),
            rests: near.rests,
            lift: mix(a.lift, b.lift),
            arch: mix(a.arch, b.arch),
            says: near.says,
        }
    }

    /// What the figure shows, in words: "Goblet squat: standing tall, then …".
    pub fn describe(&self, name: &str) -> String {
        let says: Vec<&str> = self.poses.iter().map(|p| p.says).collect();
        format!("{name}: {}", says.join(", then "))
    }
}

/// The angle, on the side `like` points to, at which a segment of `len` from `from_y`
/// ends `to_y` lower; `like` when that is out of reach.
fn down_to(from_y: f32, to_y: f32, len: f32, like: f32) -> f32 {
    let c = (to_y - from_y) / len;
    if !(-1.0..=1.0).contains(&c) {
        return like;
    }
    let a = c.acos().to_degrees();
    // Keep the turn the author drew: the candidate nearest the drawn angle.
    let base = (like / 360.0).round() * 360.0;
    [base + a, base - a]
        .into_iter()
        .min_by(|x, y| (x - like).abs().total_cmp(&(y - like).abs()))
        .unwrap_or(like)
}

/// The pose with its other resting parts brought down to the floor (or up to it): the
/// shin for a foot, the thigh for a knee, the arm for a hand, the upper arm for a forearm.
fn reach_floor(p: &Pose, b: &Body) -> Pose {
    let floor = FLOOR - p.lift;
    let mut q = *p;
    for c in &p.rests[1..] {
        match c {
            Contact::Feet | Contact::NearFoot | Contact::FarFoot => {
                let sides: &[usize] = match c {
                    Contact::NearFoot => &[0],
                    Contact::FarFoot => &[1],
                    _ => &[0, 1],
                };
                for &s in sides {
                    // A foot pointing down (heel up) touches with its toes.
                    let toe = (FOOT * p.foot[s].to_radians().cos() + R_FOOT - R_SHIN).max(0.0);
                    q.shin[s] = down_to(b.knee[s].y, floor - R_SHIN - toe, SHIN, p.shin[s]);
                }
            }
            Contact::Knees | Contact::NearKnee | Contact::FarKnee => {
                let sides: &[usize] = match c {
                    Contact::NearKnee => &[0],
                    Contact::FarKnee => &[1],
                    _ => &[0, 1],
                };
                for &s in sides {
                    q.thigh[s] = down_to(b.hip[s].y, floor - R_SHIN, THIGH, p.thigh[s]);
                }
            }
            Contact::Hands | Contact::FarHand => {
                let s = usize::from(*c == Contact::FarHand);
                if (p.upper[s] - p.fore[s]).abs() < 1.0 {
                    let a = down_to(b.shoulder[s].y, floor - R_FORE, UPPER + FORE, p.upper[s]);
                    q.upper[s] = a;
                    q.fore[s] = a;
                } else {
                    q.fore[s] = down_to(b.elbow[s].y, floor - R_FORE, FORE, p.fore[s]);
                }
            }
            Contact::Forearm => {
                let a = down_to(b.shoulder[0].y, floor - R_FORE, UPPER, p.upper[0]);
                q.upper[0] = a;
            }
            Contact::NearFootOnStep => {
                q.shin[0] = down_to(b.knee[0].y, floor - STEP - R_SHIN, SHIN, p.shin[0]);
            }
            Contact::Back | Contact::Seat => {}
        }
    }
    q
}

/// A timed loop through the key poses: (pose index from, to, seconds). Two poses follow
/// the exercise's tempo (down from the first pose, pause, up); more go round in order.
pub fn timeline(poses: usize, tempo: Option<(f32, f32, f32)>) -> Vec<(usize, usize, f32)> {
    match (poses, tempo) {
        (0 | 1, _) => vec![(0, 0, 2.0)],
        (2, Some((down, pause, up))) => {
            let mut t = vec![(0, 1, down)];
            if pause > 0.0 {
                t.push((1, 1, pause));
            }
            t.push((1, 0, up));
            t
        }
        (2, None) => vec![(0, 1, 1.6), (1, 1, 1.2), (1, 0, 1.6), (0, 0, 0.8)],
        (n, _) => (0..n).map(|i| (i, (i + 1) % n, 1.2)).collect(),
    }
}

/// Smooth start and stop between poses.
pub fn ease(t: f32) -> f32 {
    t * t * (3.0 - 2.0 * t)
}

mod poses;

/// The figure for a library exercise.
pub fn figure(id: &str) -> Option<Figure> {
    poses::FIGURES
        .iter()
        .find(|(ids, _)| ids.contains(&id))
        .map(|(_, f)| *f)
}

/// The figure of an exercise and the equipment its load is drawn as.
pub fn figure_for(e: &Exercise, with: Option<Equipment>) -> Option<(Figure, Equipment)> {
    let eq = with
        .or_else(|| e.equipment.first().copied())
        .unwrap_or(Equipment::Bodyweight);
    figure(e.id).map(|f| (f, eq))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::library::LIBRARY;

    fn frames(f: &Figure) -> Vec<Body> {
        let mut out = Vec::new();
        for (a, b, _) in timeline(f.poses.len(), None) {
            for i in 0..=8 {
                let t = ease(i as f32 / 8.0);
                out.push(f.place(&Figure::between(&f.poses[a], &f.poses[b], t)));
            }
        }
        out
    }

    #[test]
    fn figure_every_library_exercise_has_two_to_four_key_poses() {
        for e in LIBRARY {
            let f = figure(e.id).unwrap_or_else(|| panic!("{} has no figure", e.id));
            assert!((2..=4).contains(&f.poses.len()), "{}", e.id);
            for p in f.poses {
                assert!(!p.says.is_empty(), "{}", e.id);
            }
        }
    }

    #[test]
    fn figure_limbs_keep_their_length_through_the_whole_movement() {
        for e in LIBRARY {
            let f = figure(e.id).unwrap();
            for b in frames(&f) {
                for s in 0..2 {
                    let l = [
                        (b.hip[s].dist(b.knee[s]), THIGH),
                        (b.knee[s].dist(b.ankle[s]), SHIN),
                        (b.ankle[s].dist(b.toe[s]), FOOT),
                        (b.elbow[s].dist(b.hand[s]), FORE),
                        (b.shoulder[s].dist(b.elbow[s]), UPPER),
                    ];
                    for (got, want) in l {
                        assert!((got - want).abs() < 0.01, "{}: {got} vs {want}", e.id);
                    }
                }
                assert!((b.pelvis.dist(b.neck) - TORSO).abs() < 0.01);
            }
        }
    }

    #[test]
    fn figure_no_nan_inside_the_view_and_above_the_floor_in_every_frame() {
        let mut bad = Vec::new();
        for e in LIBRARY {
            let f = figure(e.id).unwrap();
            for b in frames(&f) {
                let (x0, y0, x1, y1) = b.bounds();
                let finite = [x0, y0, x1, y1].iter().all(|v| v.is_finite());
                if !finite || x0 < 0.0 || y0 < 0.0 || x1 > VIEW_W || b.lowest() > FLOOR + 1.0 {
                    bad.push(format!("{}: {:?}", e.id, (x0, y0, x1, y1)));
                    break;
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn figure_what_rests_on_the_floor_touches_it_and_nothing_goes_through_it() {
        let mut bad = Vec::new();
        for e in LIBRARY {
            let f = figure(e.id).unwrap();
            for p in f.poses {
                let b = f.place(p);
                for c in p.rests {
                    let gap = b.gap(*c, p.lift);
                    if gap.abs() >= 3.0 {
                        bad.push(format!(
                            "{} ({}): {c:?} is {gap:.1} off the floor",
                            e.id, p.says
                        ));
                    }
                }
                if b.lowest() > FLOOR + 1.0 - p.lift.min(0.0) {
                    let names = [
                        "far thigh",
                        "far shin",
                        "far foot",
                        "near thigh",
                        "near shin",
                        "near foot",
                        "torso",
                        "far upper arm",
                        "far forearm",
                        "near upper arm",
                        "near forearm",
                    ];
                    let parts: Vec<&str> = b
                        .capsules()
                        .iter()
                        .zip(names)
                        .filter(|((a, c, r, _), _)| a.y.max(c.y) + r > FLOOR + 1.0)
                        .map(|(_, n)| n)
                        .collect();
                    bad.push(format!(
                        "{} ({}): below the floor by {:.1}: {parts:?}",
                        e.id,
                        p.says,
                        b.lowest() - FLOOR
                    ));
                }
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn figure_the_cat_camel_back_hollows_then_rounds_and_every_other_back_is_straight() {
        // How far the middle of the back's curve sits below (+) the straight line.
        let sag = |b: &Body| {
            (b.pelvis.y + 2.0 * b.back.y + b.neck.y) / 4.0 - (b.pelvis.y + b.neck.y) / 2.0
        };
        let f = figure("cat-camel").unwrap();
        let (hollow, round) = (f.place(&f.poses[0]), f.place(&f.poses[1]));
        assert!(
            sag(&hollow) > 2.0,
            "hollowed: the back dips toward the floor"
        );
        assert!(sag(&round) < -3.0, "rounded: the back rises");
        // Half way, it passes through straight.
        let half = f.place(&Figure::between(&f.poses[0], &f.poses[1], 0.5));
        assert!(sag(&half).abs() < sag(&round).abs());
        for e in LIBRARY.iter().filter(|e| e.id != "cat-camel") {
            let f = figure(e.id).unwrap();
            for p in f.poses {
                let b = f.place(p);
                let mid = Pt {
                    x: (b.pelvis.x + b.neck.x) / 2.0,
                    y: (b.pelvis.y + b.neck.y) / 2.0,
                };
                assert!(b.back.dist(mid) < 0.01, "{}: a straight back", e.id);
            }
        }
    }

    #[test]
    fn figure_two_poses_follow_the_tempo_down_pause_up() {
        assert_eq!(
            timeline(2, Some((3.0, 1.0, 2.0))),
            vec![(0, 1, 3.0), (1, 1, 1.0), (1, 0, 2.0)]
        );
        assert_eq!(
            timeline(2, Some((2.0, 0.0, 1.0))),
            vec![(0, 1, 2.0), (1, 0, 1.0)]
        );
        assert_eq!(timeline(4, None).len(), 4);
    }
}
