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
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub view: View,
    pub poses: Vec<Pose>,
    pub gear: Vec<Gear>,
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

const STAND: Pose = Pose {
    torso: 180.0,
    head: 180.0,
    thigh: [0.0, 0.0],
    shin: [0.0, 0.0],
    foot: [90.0, 90.0],
    upper: [4.0, -4.0],
    fore: [6.0, -2.0],
    rests: &[Contact::Feet],
    lift: 0.0,
    arch: 0.0,
    says: "standing tall",
};

/// Lying on the back, head to the left, knees bent, feet flat.
const SUPINE: Pose = Pose {
    torso: -90.0,
    head: -90.0,
    thigh: [140.0, 140.0],
    shin: [42.0, 42.0],
    foot: [90.0, 90.0],
    upper: [95.0, 95.0],
    fore: [92.0, 92.0],
    rests: &[Contact::Back, Contact::Seat, Contact::Feet],
    lift: 0.0,
    arch: 0.0,
    says: "lying on the back, knees bent, feet flat",
};

/// On hands and knees, facing right.
const FOURS: Pose = Pose {
    torso: 101.0,
    head: 105.0,
    thigh: [0.0, 0.0],
    shin: [-90.0, -90.0],
    foot: [-90.0, -90.0],
    upper: [0.0, 0.0],
    fore: [0.0, 0.0],
    rests: &[Contact::Knees, Contact::Hands, Contact::FarHand],
    lift: 0.0,
    arch: 0.0,
    says: "on hands and knees, back flat",
};

// Poses are built in code (not statics) so they can share bases with small changes.
fn stand(says: &'static str) -> Pose {
    Pose { says, ..STAND }
}

fn hinge(torso: f32, thigh: f32, shin: f32, says: &'static str) -> Pose {
    Pose {
        torso,
        head: torso - 5.0,
        thigh: [thigh, thigh],
        shin: [shin, shin],
        upper: [0.0, -2.0],
        fore: [0.0, -2.0],
        says,
        ..STAND
    }
}

fn squat(torso: f32, thigh: f32, shin: f32, says: &'static str) -> Pose {
    Pose {
        torso,
        head: 180.0,
        thigh: [thigh, thigh - 3.0],
        shin: [shin, shin + 3.0],
        says,
        ..STAND
    }
}

/// Arms held up in front of the chest (a goblet hold, or crossed).
fn chest_arms(mut p: Pose) -> Pose {
    p.upper = [p.torso - 160.0, p.torso - 165.0];
    p.fore = [p.torso - 20.0, p.torso - 25.0];
    p
}

/// Arms reaching forward at shoulder height (a press, a row's start).
fn reach(mut p: Pose, deg: f32) -> Pose {
    p.upper = [deg, deg - 4.0];
    p.fore = [deg, deg - 4.0];
    p
}

/// Elbows pulled back past the body (the end of a row).
fn pulled(mut p: Pose, deg: f32) -> Pose {
    p.upper = [deg - 110.0, deg - 114.0];
    p.fore = [deg, deg - 4.0];
    p
}

fn step_walk(says: &'static str, a: f32) -> Pose {
    Pose {
        thigh: [a, -a * 0.8],
        shin: [a * 0.2, -a * 1.4],
        foot: [90.0, 90.0 - a],
        upper: [-a * 0.9, a * 0.9],
        fore: [-a * 0.4, a * 1.3],
        says,
        ..STAND
    }
}

fn bridge(thigh: f32, shin: f32, torso: f32, says: &'static str) -> Pose {
    Pose {
        torso,
        head: -92.0,
        thigh: [thigh, thigh],
        shin: [shin, shin],
        rests: &[Contact::Back, Contact::Feet],
        says,
        ..SUPINE
    }
}

fn plank(on_knees: bool, hips: f32, says: &'static str) -> Pose {
    // Straight from knees or feet to the shoulders, propped on the forearms.
    let body = 90.0 + hips;
    let (thigh, shin) = if on_knees {
        (-90.0 - hips + 20.0, -90.0)
    } else {
        (-90.0 - hips + 12.0, -90.0 - hips + 8.0)
    };
    Pose {
        torso: body - 12.0,
        head: body - 5.0,
        thigh: [thigh, thigh + 2.0],
        shin: [shin, shin + 2.0],
        foot: if on_knees {
            [-90.0, -90.0]
        } else {
            [-10.0, -10.0]
        },
        upper: [0.0, 2.0],
        fore: [90.0, 92.0],
        rests: if on_knees {
            &[Contact::Forearm, Contact::Knees]
        } else {
            &[Contact::Forearm, Contact::Feet]
        },
        says,
        ..STAND
    }
}

fn side_plank(knees: bool, up: bool, leg_lift: bool, says: &'static str) -> Pose {
    // Seen from the front, lying on the near side, propped on the near forearm: the
    // shoulders sit an upper arm above the floor, so the body is a shallow slope.
    let torso = match (knees, up) {
        (true, true) => -112.0,
        (false, true) => -105.0,
        _ => -118.0,
    };
    let leg = if up { torso + 180.0 } else { 84.0 };
    let top = if leg_lift { leg + 28.0 } else { leg - 1.0 };
    let (shin, top_shin) = if knees {
        (leg + 176.0, top + 176.0)
    } else {
        (leg, top)
    };
    Pose {
        torso,
        head: torso - 5.0,
        thigh: [leg, top],
        shin: [shin, top_shin],
        foot: if knees {
            [shin, top_shin]
        } else {
            [shin + 90.0, top_shin + 90.0]
        },
        upper: [0.0, leg],
        fore: [-90.0, leg],
        rests: if knees {
            &[Contact::NearKnee, Contact::Forearm]
        } else {
            &[Contact::NearFoot, Contact::Forearm]
        },
        says,
        ..STAND
    }
}

/// A front-view pose written as if the near side were on the right of the picture: seen
/// from the front it is on the left, so every limb turns the other way.
fn mirror(p: Pose) -> Pose {
    let m = |a: [f32; 2]| [-a[0], -a[1]];
    Pose {
        thigh: m(p.thigh),
        shin: m(p.shin),
        foot: m(p.foot),
        upper: m(p.upper),
        fore: m(p.fore),
        ..p
    }
}

/// The figure for a library exercise.
pub fn figure(id: &str) -> Option<Figure> {
    use Gear as G;
    let side = |poses: Vec<Pose>, gear: Vec<Gear>| Figure {
        view: View::Side,
        poses,
        gear,
        anchor: Some(82.0),
    };
    let at = |x: f32, f: Figure| Figure {
        anchor: Some(x),
        ..f
    };
    let front = |poses: Vec<Pose>, gear: Vec<Gear>| Figure {
        view: View::Front,
        poses,
        gear,
        anchor: None,
    };
    let walking = |gear: Vec<Gear>, carry: Option<fn(Pose) -> Pose>| {
        let c = carry.unwrap_or(|p| p);
        Figure {
            view: View::Side,
            poses: vec![
                c(step_walk("stepping with the left leg", 22.0)),
                c(stand("passing upright")),
                c(step_walk("stepping with the right leg", -22.0)),
                c(stand("passing upright")),
            ],
            gear,
            anchor: None,
        }
    };
    let rdl = || {
        vec![
            stand("standing tall with the weight at the thighs"),
            hinge(
                100.0,
                26.0,
                -6.0,
                "hips pushed back, back long, weight by the shins",
            ),
        ]
    };
    let squat_seat = || {
        vec![
            chest_arms(stand("standing tall")),
            chest_arms(squat(
                150.0,
                84.0,
                -10.0,
                "sitting back until the seat touches the box",
            )),
        ]
    };
    let f = match id {
        // Hip hinge
        "wall-hip-hinge" => at(
            90.0,
            side(
                vec![
                    stand("standing a foot from the wall"),
                    hinge(118.0, 24.0, -5.0, "hips reaching back to touch the wall"),
                ],
                vec![G::Wall],
            ),
        ),
        "dowel-hinge" => side(
            vec![
                stand("standing tall, stick along the back"),
                hinge(
                    110.0,
                    24.0,
                    -5.0,
                    "hips back, head, upper back and tailbone still on the stick",
                ),
            ],
            vec![G::Stick],
        ),
        "band-pull-through" | "cable-pull-through" => side(
            vec![
                Pose {
                    upper: [-6.0, -8.0],
                    fore: [-6.0, -8.0],
                    ..stand("standing tall, hands between the legs")
                },
                Pose {
                    upper: [-20.0, -22.0],
                    fore: [-30.0, -32.0],
                    ..hinge(
                        115.0,
                        24.0,
                        -6.0,
                        "hips back, hands drawn back between the legs",
                    )
                },
            ],
            vec![G::Pull(20.0, 8.0)],
        ),
        "kb-deadlift" => side(
            vec![
                stand("standing tall, bell between the feet"),
                hinge(
                    125.0,
                    55.0,
                    -18.0,
                    "hips back and knees bent, bell near the floor",
                ),
            ],
            vec![G::Hands],
        ),
        "db-rdl" | "barbell-rdl" => side(rdl(), vec![G::Hands]),
        "low-load-good-morning" => side(
            vec![
                chest_arms(stand("standing tall, hands on the chest")),
                chest_arms(hinge(
                    112.0,
                    20.0,
                    -4.0,
                    "hips back until the hamstrings tighten",
                )),
            ],
            vec![],
        ),
        "barbell-deadlift" => side(
            vec![
                stand("standing tall with the bar"),
                hinge(
                    130.0,
                    62.0,
                    -22.0,
                    "bar by the shins, hips back, chest proud",
                ),
            ],
            vec![G::Hands],
        ),
        "kb-swing" => side(
            vec![
                Pose {
                    upper: [-25.0, -27.0],
                    fore: [-35.0, -37.0],
                    ..hinge(115.0, 30.0, -10.0, "hips back, bell between the legs")
                },
                reach(
                    stand("hips snapped forward, bell floating at chest height"),
                    85.0,
                ),
            ],
            vec![G::Chest],
        ),
        // Squat
        "sit-to-stand" | "box-squat" => side(squat_seat(), vec![G::Seat]),
        "goblet-squat" => side(
            vec![
                chest_arms(stand("standing tall, weight at the chest")),
                chest_arms(squat(
                    155.0,
                    80.0,
                    -24.0,
                    "sitting down between the heels, chest up",
                )),
            ],
            vec![G::Chest],
        ),
        "step-up" => at(
            70.0,
            side(
                vec![
                    Pose {
                        thigh: [58.0, 0.0],
                        shin: [-12.0, 0.0],
                        rests: &[Contact::NearFootOnStep, Contact::FarFoot],
                        ..stand("one foot up on the step")
                    },
                    Pose {
                        thigh: [0.0, -10.0],
                        shin: [0.0, -40.0],
                        foot: [90.0, 60.0],
                        rests: &[Contact::NearFoot],
                        lift: STEP,
                        ..stand("standing up tall on the step")
                    },
                ],
                vec![G::Step(STEP), G::Hands],
            ),
        ),
        "split-squat" => side(
            vec![
                Pose {
                    thigh: [18.0, -22.0],
                    shin: [-4.0, -38.0],
                    foot: [90.0, 20.0],
                    rests: &[Contact::NearFoot, Contact::FarFoot],
                    ..stand("long stance, back heel up")
                },
                Pose {
                    thigh: [78.0, -12.0],
                    shin: [-8.0, -82.0],
                    foot: [90.0, -10.0],
                    rests: &[Contact::NearFoot, Contact::FarFoot],
                    ..stand("back knee lowered straight down, trunk tall")
                },
            ],
            vec![G::Hands],
        ),
        "rear-foot-split-squat" => side(
            vec![
                Pose {
                    thigh: [22.0, -30.0],
                    shin: [-4.0, -67.0],
                    foot: [90.0, -150.0],
                    rests: &[Contact::NearFoot],
                    ..stand("back foot on the bench, standing tall")
                },
                Pose {
                    thigh: [80.0, -10.0],
                    shin: [-10.0, -120.0],
                    foot: [90.0, -150.0],
                    rests: &[Contact::NearFoot],
                    ..stand("front knee bent, lowering under control")
                },
            ],
            vec![G::FootBench, G::Hands],
        ),
        "barbell-box-squat" | "barbell-back-squat" => {
            let bar = |p: Pose| Pose {
                upper: [p.torso - 125.0, p.torso - 128.0],
                fore: [p.torso + 5.0, p.torso],
                ..p
            };
            let mut gear = vec![G::Shoulders];
            let bottom = if id == "barbell-box-squat" {
                gear.push(G::Seat);
                bar(squat(
                    145.0,
                    84.0,
                    -12.0,
                    "sitting back to the box, bar on the upper back",
                ))
            } else {
                bar(squat(
                    145.0,
                    78.0,
                    -24.0,
                    "squatting as deep as stays controlled",
                ))
            };
            side(
                vec![bar(stand("standing tall, bar on the upper back")), bottom],
                gear,
            )
        }
        // Glutes
        "glute-bridge" => side(
            vec![
                bridge(
                    108.0,
                    22.0,
                    -70.0,
                    "hips lifted into a straight line from knees to shoulders",
                ),
                bridge(
                    140.0,
                    42.0,
                    -90.0,
                    "lying on the back, knees bent, feet flat",
                ),
            ],
            vec![G::Mat],
        ),
        "single-leg-bridge" => at(
            70.0,
            side(
                vec![
                    Pose {
                        thigh: [108.0, 120.0],
                        shin: [22.0, 120.0],
                        ..bridge(108.0, 22.0, -70.0, "hips lifted, one leg held out straight")
                    },
                    Pose {
                        thigh: [140.0, 150.0],
                        shin: [42.0, 150.0],
                        ..bridge(140.0, 42.0, -90.0, "lying down, one leg held out")
                    },
                ],
                vec![G::Mat],
            ),
        ),
        "hip-thrust" => at(
            112.0,
            side(
                vec![
                    Pose {
                        torso: -90.0,
                        head: -100.0,
                        thigh: [92.0, 92.0],
                        shin: [0.0, 0.0],
                        upper: [10.0, 10.0],
                        fore: [120.0, 120.0],
                        rests: &[Contact::Feet],
                        ..stand("hips driven up level with the shoulders")
                    },
                    Pose {
                        torso: -125.0,
                        head: -110.0,
                        thigh: [130.0, 130.0],
                        shin: [30.0, 30.0],
                        upper: [30.0, 30.0],
                        fore: [120.0, 120.0],
                        rests: &[Contact::Feet],
                        ..stand("shoulders on the bench, hips lowered")
                    },
                ],
                vec![G::Bench, G::Chest],
            ),
        ),
        "single-leg-rdl" => side(
            vec![
                Pose {
                    thigh: [0.0, -8.0],
                    shin: [0.0, -30.0],
                    foot: [90.0, 60.0],
                    rests: &[Contact::NearFoot],
                    ..stand("standing on one leg")
                },
                Pose {
                    thigh: [10.0, -82.0],
                    shin: [-4.0, -86.0],
                    foot: [90.0, 0.0],
                    rests: &[Contact::NearFoot],
                    ..hinge(
                        95.0,
                        10.0,
                        -4.0,
                        "hinging forward, the free leg reaching back",
                    )
                },
            ],
            vec![G::NearHand],
        ),
        "reverse-lunge" => side(
            vec![
                stand("standing tall"),
                Pose {
                    thigh: [78.0, -14.0],
                    shin: [-8.0, -84.0],
                    foot: [90.0, -10.0],
                    rests: &[Contact::NearFoot, Contact::FarFoot],
                    ..stand("stepped back into a lunge, back knee near the floor")
                },
            ],
            vec![G::Hands],
        ),
        "lateral-band-walk" => front(
            vec![
                mirror(Pose {
                    thigh: [12.0, -12.0],
                    shin: [-4.0, 4.0],
                    foot: [90.0, -90.0],
                    upper: [20.0, -20.0],
                    fore: [-60.0, 60.0],
                    torso: 175.0,
                    ..stand("feet apart, knees pushed out against the band")
                }),
                mirror(Pose {
                    thigh: [22.0, -10.0],
                    shin: [-2.0, 2.0],
                    foot: [90.0, -90.0],
                    upper: [20.0, -20.0],
                    fore: [-60.0, 60.0],
                    torso: 175.0,
                    ..stand("a step to the side, band kept tight")
                }),
            ],
            vec![G::KneeBand],
        ),
        "cable-kickback" => side(
            vec![
                Pose {
                    thigh: [0.0, -5.0],
                    shin: [0.0, -25.0],
                    foot: [90.0, 70.0],
                    upper: [80.0, 80.0],
                    fore: [90.0, 90.0],
                    torso: 170.0,
                    rests: &[Contact::NearFoot],
                    ..stand("standing on one leg, holding the frame")
                },
                Pose {
                    thigh: [0.0, -32.0],
                    shin: [0.0, -38.0],
                    foot: [90.0, 40.0],
                    upper: [80.0, 80.0],
                    fore: [90.0, 90.0],
                    torso: 170.0,
                    rests: &[Contact::NearFoot],
                    ..stand("the free leg pushed back with the glute")
                },
            ],
            vec![G::PullAnkle(150.0, 10.0)],
        ),
        // Core
        "brace-breathing" => side(
            vec![
                Pose {
                    upper: [92.0, 92.0],
                    fore: [130.0, 130.0],
                    says: "lying on the back, hands on the belly, breathing in",
                    ..SUPINE
                },
                Pose {
                    torso: -88.0,
                    upper: [92.0, 92.0],
                    fore: [130.0, 130.0],
                    says: "breathing out, belly firm all round",
                    ..SUPINE
                },
            ],
            vec![G::Mat],
        ),
        "dead-bug" => at(
            70.0,
            side(
                vec![
                    Pose {
                        thigh: [180.0, 180.0],
                        shin: [90.0, 90.0],
                        upper: [180.0, 180.0],
                        fore: [180.0, 180.0],
                        rests: &[Contact::Back],
                        says: "on the back, arms up, knees over the hips",
                        ..SUPINE
                    },
                    Pose {
                        thigh: [180.0, 110.0],
                        shin: [90.0, 95.0],
                        upper: [260.0, 180.0],
                        fore: [260.0, 180.0],
                        rests: &[Contact::Back],
                        says: "one arm and the opposite leg reaching long, back flat",
                        ..SUPINE
                    },
                ],
                vec![G::Mat],
            ),
        ),
        "front-plank-knees" => side(
            vec![
                plank(true, 6.0, "on forearms and knees, hips low"),
                plank(true, 0.0, "a straight line from knees to head, held"),
            ],
            vec![G::Mat],
        ),
        "front-plank" => side(
            vec![
                plank(false, 6.0, "on forearms and toes"),
                plank(false, 0.0, "a straight line from heels to head, held"),
            ],
            vec![G::Mat],
        ),
        "ab-rollout" => side(
            vec![
                Pose {
                    torso: 112.0,
                    head: 110.0,
                    upper: [0.0, 0.0],
                    fore: [0.0, 0.0],
                    rests: &[Contact::Knees],
                    says: "kneeling, hands on the wheel under the shoulders",
                    ..FOURS
                },
                Pose {
                    torso: 100.0,
                    head: 100.0,
                    thigh: [50.0, 50.0],
                    upper: [60.0, 60.0],
                    fore: [60.0, 60.0],
                    rests: &[Contact::Knees],
                    says: "rolled forward only as far as the back stays flat",
                    ..FOURS
                },
            ],
            vec![G::Wheel, G::Mat],
        ),
        "sit-up" => side(
            vec![
                Pose {
                    upper: [140.0, 140.0],
                    fore: [320.0, 320.0],
                    rests: &[Contact::Seat, Contact::Back, Contact::Feet],
                    ..SUPINE
                },
                Pose {
                    torso: -150.0,
                    head: -145.0,
                    upper: [190.0, 190.0],
                    fore: [330.0, 330.0],
                    rests: &[Contact::Seat, Contact::Feet],
                    says: "curled up slowly, a few reps only",
                    ..SUPINE
                },
            ],
            vec![G::Mat],
        ),
        "bird-dog" => side(
            vec![
                FOURS,
                Pose {
                    thigh: [0.0, -88.0],
                    shin: [-90.0, -90.0],
                    upper: [100.0, 0.0],
                    fore: [100.0, 0.0],
                    rests: &[Contact::NearKnee, Contact::FarHand],
                    says: "one arm forward and the opposite leg back, level",
                    ..FOURS
                },
            ],
            vec![G::Mat],
        ),
        "kneeling-pallof" | "pallof-press" => {
            let kneel = id == "kneeling-pallof";
            let base = |says| {
                if kneel {
                    Pose {
                        thigh: [0.0, 0.0],
                        shin: [-90.0, -90.0],
                        foot: [-90.0, -90.0],
                        rests: &[Contact::Knees],
                        ..stand(says)
                    }
                } else {
                    Pose {
                        thigh: [6.0, -6.0],
                        shin: [-4.0, 4.0],
                        ..stand(says)
                    }
                }
            };
            let h = if kneel { 60.0 } else { 78.0 };
            side(
                vec![
                    chest_arms(base("hands at the chest, band pulling to the side")),
                    reach(base("arms pressed straight out, trunk not turning"), 90.0),
                ],
                vec![G::Pull(20.0, h)],
            )
        }
        "russian-twist" => side(
            vec![
                Pose {
                    torso: 210.0,
                    head: 195.0,
                    thigh: [130.0, 128.0],
                    shin: [40.0, 40.0],
                    upper: [100.0, 96.0],
                    fore: [100.0, 96.0],
                    rests: &[Contact::Seat, Contact::Feet],
                    ..stand("sitting leaning back a little, arms out in front")
                },
                Pose {
                    torso: 212.0,
                    head: 200.0,
                    thigh: [130.0, 128.0],
                    shin: [40.0, 40.0],
                    upper: [30.0, 150.0],
                    fore: [20.0, 160.0],
                    rests: &[Contact::Seat, Contact::Feet],
                    ..stand("turned slowly to one side, only when warmed up")
                },
            ],
            vec![G::Mat],
        ),
        "side-plank-knees" => front(
            vec![
                side_plank(
                    true,
                    false,
                    false,
                    "lying on the side on a forearm, knees bent",
                ),
                side_plank(
                    true,
                    true,
                    false,
                    "hips lifted off the floor, held in a line",
                ),
            ],
            vec![G::Mat],
        ),
        "side-plank" => front(
            vec![
                side_plank(
                    false,
                    false,
                    false,
                    "lying on the side on a forearm, legs long",
                ),
                side_plank(false, true, false, "hips lifted into a straight line, held"),
            ],
            vec![G::Mat],
        ),
        "side-plank-leg-lift" => front(
            vec![
                side_plank(false, true, false, "in a side plank"),
                side_plank(false, true, true, "the top leg lifted, hips held up"),
            ],
            vec![G::Mat],
        ),
        // Carries: walking with the load held still.
        "bag-carry" => walking(vec![G::Bags], None),
        "farmer-carry" => walking(vec![G::Hands], None),
        "suitcase-carry" => walking(
            vec![G::NearHand],
            Some(|p| Pose {
                upper: [0.0, p.upper[1]],
                fore: [0.0, p.fore[1]],
                ..p
            }),
        ),
        "goblet-carry" | "front-rack-carry" => walking(vec![G::Chest], Some(chest_arms)),
        // Upper back
        "doorframe-row" => side(
            vec![
                Pose {
                    torso: 205.0,
                    head: 200.0,
                    upper: [95.0, 91.0],
                    fore: [95.0, 91.0],
                    ..stand("holding the door frame, leaning back, arms long")
                },
                pulled(
                    Pose {
                        torso: 190.0,
                        head: 185.0,
                        ..stand("chest pulled to the frame, shoulder blades together")
                    },
                    90.0,
                ),
            ],
            vec![G::Frame],
        ),
        "band-row" | "seated-cable-row" => {
            let seated = id == "seated-cable-row";
            let base = |says| {
                if seated {
                    Pose {
                        thigh: [100.0, 100.0],
                        shin: [95.0, 95.0],
                        foot: [170.0, 170.0],
                        rests: &[Contact::Seat, Contact::Feet],
                        ..stand(says)
                    }
                } else {
                    stand(says)
                }
            };
            let (x, h) = if seated { (150.0, 22.0) } else { (150.0, 70.0) };
            side(
                vec![
                    pulled(base("elbows drawn back, chest tall"), 90.0),
                    reach(base("arms long, shoulders still down"), 90.0),
                ],
                vec![G::Pull(x, h)],
            )
        }
        "one-arm-db-row" => side(
            vec![
                Pose {
                    upper: [-150.0, 0.0],
                    fore: [0.0, 0.0],
                    ..hinge(
                        105.0,
                        25.0,
                        -10.0,
                        "hinged forward, one hand braced, elbow pulled up",
                    )
                },
                Pose {
                    upper: [0.0, 0.0],
                    fore: [0.0, 0.0],
                    ..hinge(105.0, 25.0, -10.0, "arm long below the shoulder")
                },
            ],
            vec![G::NearHand],
        ),
        "lat-pulldown" => side(
            vec![
                Pose {
                    thigh: [88.0, 88.0],
                    shin: [0.0, 0.0],
                    upper: [-150.0, -150.0],
                    fore: [170.0, 170.0],
                    rests: &[Contact::Feet],
                    ..stand("bar pulled to the upper chest")
                },
                Pose {
                    thigh: [88.0, 88.0],
                    shin: [0.0, 0.0],
                    upper: [170.0, 170.0],
                    fore: [175.0, 175.0],
                    rests: &[Contact::Feet],
                    ..stand("arms long overhead")
                },
            ],
            vec![G::Pull(95.0, 118.0), G::Seat],
        ),
        "prone-y-raise" => at(
            58.0,
            side(
                vec![
                    Pose {
                        torso: -90.0,
                        head: -95.0,
                        thigh: [90.0, 90.0],
                        shin: [90.0, 90.0],
                        foot: [90.0, 90.0],
                        upper: [-105.0, -105.0],
                        fore: [-105.0, -105.0],
                        rests: &[Contact::Back, Contact::Feet],
                        ..stand("face down, arms lifted overhead in a Y")
                    },
                    Pose {
                        torso: -90.0,
                        head: -90.0,
                        thigh: [90.0, 90.0],
                        shin: [90.0, 90.0],
                        foot: [90.0, 90.0],
                        upper: [-86.0, -86.0],
                        fore: [-86.0, -86.0],
                        rests: &[Contact::Back, Contact::Feet],
                        ..stand("arms resting on the floor")
                    },
                ],
                vec![G::Mat],
            ),
        ),
        "face-pull" => side(
            vec![
                Pose {
                    upper: [-80.0, -84.0],
                    fore: [175.0, 172.0],
                    ..stand("hands pulled back beside the ears")
                },
                reach(stand("arms reaching to the anchor"), 100.0),
            ],
            vec![G::Pull(150.0, 82.0)],
        ),
        "reverse-fly" | "band-pull-apart" => {
            let bent = id == "reverse-fly";
            let body = |says| Pose {
                thigh: [4.0, -4.0],
                shin: [if bent { -6.0 } else { 0.0 }, if bent { 6.0 } else { 0.0 }],
                foot: [90.0, -90.0],
                ..stand(says)
            };
            let (open, closed) = if bent {
                (
                    "bent forward at the hips, arms opened wide like wings",
                    "bent forward, weights hanging together below the chest",
                )
            } else {
                (
                    "arms opened wide, band across the chest",
                    "arms out in front, hands close together",
                )
            };
            front(
                vec![
                    mirror(Pose {
                        upper: [90.0, -90.0],
                        fore: [90.0, -90.0],
                        ..body(open)
                    }),
                    mirror(Pose {
                        upper: [-25.0, 25.0],
                        fore: [-10.0, 10.0],
                        ..body(closed)
                    }),
                ],
                vec![if bent { G::Hands } else { G::BandHands }],
            )
        }
        // Mobility
        "cat-camel" => side(
            vec![
                Pose {
                    torso: 97.0,
                    head: 140.0,
                    arch: -5.0,
                    says: "on hands and knees, chest and head lifted, back hollowed",
                    ..FOURS
                },
                Pose {
                    torso: 104.0,
                    head: 35.0,
                    arch: 7.0,
                    says: "back rounded up, head and tailbone tucked",
                    ..FOURS
                },
            ],
            vec![G::Mat],
        ),
        "hip-flexor-stretch" => side(
            vec![
                Pose {
                    thigh: [88.0, -10.0],
                    shin: [0.0, -90.0],
                    foot: [90.0, -90.0],
                    upper: [0.0, 0.0],
                    fore: [0.0, 0.0],
                    rests: &[Contact::FarKnee, Contact::NearFoot],
                    ..stand("half kneeling, trunk tall")
                },
                Pose {
                    thigh: [80.0, -20.0],
                    shin: [-6.0, -90.0],
                    foot: [90.0, -90.0],
                    upper: [175.0, 0.0],
                    fore: [175.0, 0.0],
                    rests: &[Contact::FarKnee, Contact::NearFoot],
                    ..stand("hips eased forward, the front of the back hip stretching")
                },
            ],
            vec![G::Mat],
        ),
        "ninety-ninety" => front(
            vec![
                mirror(Pose {
                    torso: 186.0,
                    thigh: [115.0, 160.0],
                    shin: [20.0, 80.0],
                    foot: [90.0, 90.0],
                    upper: [-20.0, 20.0],
                    fore: [-10.0, 10.0],
                    rests: &[Contact::Seat, Contact::Feet],
                    ..stand("sitting, knees bent, both knees lowered to one side")
                }),
                mirror(Pose {
                    torso: 174.0,
                    thigh: [200.0, 245.0],
                    shin: [-80.0, -20.0],
                    foot: [-90.0, -90.0],
                    upper: [-20.0, 20.0],
                    fore: [-10.0, 10.0],
                    rests: &[Contact::Seat, Contact::Feet],
                    ..stand("both knees switched to the other side")
                }),
            ],
            vec![G::Mat],
        ),
        "open-book" => front(
            vec![
                Pose {
                    torso: -90.0,
                    head: -95.0,
                    thigh: [84.0, 86.0],
                    shin: [90.0, 92.0],
                    foot: [180.0, 180.0],
                    upper: [-92.0, 20.0],
                    fore: [-92.0, 20.0],
                    rests: &[Contact::Seat, Contact::Hands, Contact::FarHand],
                    lift: 5.5,
                    ..stand("lying on the side, top arm resting in front")
                },
                Pose {
                    torso: -90.0,
                    head: -85.0,
                    thigh: [84.0, 86.0],
                    shin: [90.0, 92.0],
                    foot: [180.0, 180.0],
                    upper: [-92.0, 200.0],
                    fore: [-92.0, 215.0],
                    rests: &[Contact::Seat, Contact::Hands],
                    lift: 5.5,
                    ..stand("top arm opened wide, chest turning to the ceiling")
                },
            ],
            vec![G::Mat],
        ),
        "thread-the-needle" => side(
            vec![
                FOURS,
                Pose {
                    torso: 88.0,
                    head: 50.0,
                    upper: [-40.0, 0.0],
                    fore: [-60.0, 0.0],
                    rests: &[Contact::Knees, Contact::FarHand],
                    says: "one arm threaded under the other, upper back turning",
                    ..FOURS
                },
            ],
            vec![G::Mat],
        ),
        "ankle-rock" => at(
            100.0,
            side(
                vec![
                    Pose {
                        thigh: [88.0, -10.0],
                        shin: [0.0, -90.0],
                        foot: [90.0, -90.0],
                        upper: [20.0, 20.0],
                        fore: [70.0, 70.0],
                        rests: &[Contact::FarKnee, Contact::NearFoot],
                        ..stand("half kneeling, front foot flat")
                    },
                    Pose {
                        thigh: [100.0, 0.0],
                        shin: [25.0, -90.0],
                        foot: [90.0, -90.0],
                        upper: [20.0, 20.0],
                        fore: [70.0, 70.0],
                        rests: &[Contact::NearFoot, Contact::FarKnee],
                        ..stand("knee rocked forward over the toes, heel down")
                    },
                ],
                vec![G::Mat],
            ),
        ),
        "hamstring-floss" => side(
            vec![
                Pose {
                    thigh: [88.0, 88.0],
                    shin: [0.0, 0.0],
                    upper: [20.0, 20.0],
                    fore: [50.0, 50.0],
                    rests: &[Contact::Feet],
                    ..stand("sitting tall on a chair")
                },
                Pose {
                    thigh: [88.0, 88.0],
                    shin: [75.0, 0.0],
                    foot: [160.0, 90.0],
                    upper: [20.0, 20.0],
                    fore: [50.0, 50.0],
                    head: 190.0,
                    rests: &[Contact::FarFoot],
                    ..stand("one knee straightened, toes up, head looking up")
                },
            ],
            vec![G::Seat],
        ),
        "figure-four" => side(
            vec![
                Pose {
                    thigh: [140.0, 150.0],
                    shin: [42.0, -120.0],
                    rests: &[Contact::Back, Contact::NearFoot],
                    says: "lying down, one ankle crossed over the other knee",
                    ..SUPINE
                },
                Pose {
                    thigh: [170.0, 170.0],
                    shin: [90.0, -100.0],
                    upper: [150.0, 150.0],
                    fore: [120.0, 120.0],
                    rests: &[Contact::Back],
                    says: "both knees drawn in, the stretch in the crossed hip",
                    ..SUPINE
                },
            ],
            vec![G::Mat],
        ),
        "easy-walk" | "brisk-walk" | "hill-walk" => walking(vec![], None),
        _ => return None,
    };
    Some(f)
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
            for p in &f.poses {
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
            for p in &f.poses {
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
            for p in &f.poses {
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
