//! The key poses of every library exercise, as data: each row names the exercises it
//! draws, its view, its poses and its gear. Poses are built from a few bases by `const`
//! functions, so the whole table is worked out when the app is compiled.

use super::{Contact, Figure, Gear, Pose, View, STEP};
use Gear as G;

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

// Poses share bases with small changes, worked out when the app is compiled.
const fn stand(says: &'static str) -> Pose {
    Pose { says, ..STAND }
}

const fn hinge(torso: f32, thigh: f32, shin: f32, says: &'static str) -> Pose {
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

const fn squat(torso: f32, thigh: f32, shin: f32, says: &'static str) -> Pose {
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
const fn chest_arms(mut p: Pose) -> Pose {
    p.upper = [p.torso - 160.0, p.torso - 165.0];
    p.fore = [p.torso - 20.0, p.torso - 25.0];
    p
}

/// Arms reaching forward at shoulder height (a press, a row's start).
const fn reach(mut p: Pose, deg: f32) -> Pose {
    p.upper = [deg, deg - 4.0];
    p.fore = [deg, deg - 4.0];
    p
}

/// Elbows pulled back past the body (the end of a row).
const fn pulled(mut p: Pose, deg: f32) -> Pose {
    p.upper = [deg - 110.0, deg - 114.0];
    p.fore = [deg, deg - 4.0];
    p
}

const fn step_walk(says: &'static str, a: f32) -> Pose {
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

const fn bridge(thigh: f32, shin: f32, torso: f32, says: &'static str) -> Pose {
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

const fn plank(on_knees: bool, hips: f32, says: &'static str) -> Pose {
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

const fn side_plank(knees: bool, up: bool, leg_lift: bool, says: &'static str) -> Pose {
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
const fn mirror(p: Pose) -> Pose {
    const fn m(a: [f32; 2]) -> [f32; 2] {
        [-a[0], -a[1]]
    }
    Pose {
        thigh: m(p.thigh),
        shin: m(p.shin),
        foot: m(p.foot),
        upper: m(p.upper),
        fore: m(p.fore),
        ..p
    }
}

/// A bar across the upper back.
const fn bar_on_back(p: Pose) -> Pose {
    Pose {
        upper: [p.torso - 125.0, p.torso - 128.0],
        fore: [p.torso + 5.0, p.torso],
        ..p
    }
}

/// The Pallof press, kneeling or standing.
const fn pallof_base(kneel: bool, says: &'static str) -> Pose {
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
}

/// A row, seated at a cable or standing with a band.
const fn row_base(seated: bool, says: &'static str) -> Pose {
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
}

/// Seen from the front for a fly: bent forward at the hips, or standing for a band.
const fn fly_body(bent: bool, says: &'static str) -> Pose {
    Pose {
        thigh: [4.0, -4.0],
        shin: if bent { [-6.0, 6.0] } else { [0.0, 0.0] },
        foot: [90.0, -90.0],
        ..stand(says)
    }
}

/// Seen from the side, standing at the middle of the view.
const fn side(poses: &'static [Pose], gear: &'static [Gear]) -> Figure {
    Figure {
        view: View::Side,
        poses,
        gear,
        anchor: Some(82.0),
    }
}

/// The same, its first resting part at `x`.
const fn at(x: f32, f: Figure) -> Figure {
    Figure {
        anchor: Some(x),
        ..f
    }
}

/// Seen from the front, the pelvis centred.
const fn front(poses: &'static [Pose], gear: &'static [Gear]) -> Figure {
    Figure {
        view: View::Front,
        poses,
        gear,
        anchor: None,
    }
}

/// How a carry holds its load while walking.
#[derive(Clone, Copy)]
enum Carry {
    Free,
    NearHand,
    Chest,
}

const fn carried(p: Pose, c: Carry) -> Pose {
    match c {
        Carry::Free => p,
        Carry::NearHand => Pose {
            upper: [0.0, p.upper[1]],
            fore: [0.0, p.fore[1]],
            ..p
        },
        Carry::Chest => chest_arms(p),
    }
}

/// A stride, passing upright, the other stride, passing upright.
const fn walk(c: Carry) -> [Pose; 4] {
    [
        carried(step_walk("stepping with the left leg", 22.0), c),
        carried(stand("passing upright"), c),
        carried(step_walk("stepping with the right leg", -22.0), c),
        carried(stand("passing upright"), c),
    ]
}

const WALK: [Pose; 4] = walk(Carry::Free);
const WALK_NEAR_HAND: [Pose; 4] = walk(Carry::NearHand);
const WALK_CHEST: [Pose; 4] = walk(Carry::Chest);

/// Walking, the pelvis centred.
const fn walking(gear: &'static [Gear], poses: &'static [Pose]) -> Figure {
    Figure {
        view: View::Side,
        poses,
        gear,
        anchor: None,
    }
}

const RDL: [Pose; 2] = [
    stand("standing tall with the weight at the thighs"),
    hinge(
        100.0,
        26.0,
        -6.0,
        "hips pushed back, back long, weight by the shins",
    ),
];

const SQUAT_SEAT: [Pose; 2] = [
    chest_arms(stand("standing tall")),
    chest_arms(squat(
        150.0,
        84.0,
        -10.0,
        "sitting back until the seat touches the box",
    )),
];

/// Every library exercise's figure, by the ids it draws.
pub(super) static FIGURES: &[(&[&str], Figure)] = &[
    // Hip hinge
    (
        &["wall-hip-hinge"],
        at(
            90.0,
            side(
                &[
                    stand("standing a foot from the wall"),
                    hinge(118.0, 24.0, -5.0, "hips reaching back to touch the wall"),
                ],
                &[G::Wall],
            ),
        ),
    ),
    (
        &["dowel-hinge"],
        side(
            &[
                stand("standing tall, stick along the back"),
                hinge(
                    110.0,
                    24.0,
                    -5.0,
                    "hips back, head, upper back and tailbone still on the stick",
                ),
            ],
            &[G::Stick],
        ),
    ),
    (
        &["band-pull-through", "cable-pull-through"],
        side(
            &[
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
            &[G::Pull(20.0, 8.0)],
        ),
    ),
    (
        &["kb-deadlift"],
        side(
            &[
                stand("standing tall, bell between the feet"),
                hinge(
                    125.0,
                    55.0,
                    -18.0,
                    "hips back and knees bent, bell near the floor",
                ),
            ],
            &[G::Hands],
        ),
    ),
    (&["db-rdl", "barbell-rdl"], side(&RDL, &[G::Hands])),
    (
        &["low-load-good-morning"],
        side(
            &[
                chest_arms(stand("standing tall, hands on the chest")),
                chest_arms(hinge(
                    112.0,
                    20.0,
                    -4.0,
                    "hips back until the hamstrings tighten",
                )),
            ],
            &[],
        ),
    ),
    (
        &["barbell-deadlift"],
        side(
            &[
                stand("standing tall with the bar"),
                hinge(
                    130.0,
                    62.0,
                    -22.0,
                    "bar by the shins, hips back, chest proud",
                ),
            ],
            &[G::Hands],
        ),
    ),
    (
        &["kb-swing"],
        side(
            &[
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
            &[G::Chest],
        ),
    ),
    // Squat
    (
        &["sit-to-stand", "box-squat"],
        side(&SQUAT_SEAT, &[G::Seat]),
    ),
    (
        &["goblet-squat"],
        side(
            &[
                chest_arms(stand("standing tall, weight at the chest")),
                chest_arms(squat(
                    155.0,
                    80.0,
                    -24.0,
                    "sitting down between the heels, chest up",
                )),
            ],
            &[G::Chest],
        ),
    ),
    (
        &["step-up"],
        at(
            70.0,
            side(
                &[
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
                &[G::Step(STEP), G::Hands],
            ),
        ),
    ),
    (
        &["split-squat"],
        side(
            &[
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
            &[G::Hands],
        ),
    ),
    (
        &["rear-foot-split-squat"],
        side(
            &[
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
            &[G::FootBench, G::Hands],
        ),
    ),
    (
        &["barbell-box-squat"],
        side(
            &[
                bar_on_back(stand("standing tall, bar on the upper back")),
                bar_on_back(squat(
                    145.0,
                    84.0,
                    -12.0,
                    "sitting back to the box, bar on the upper back",
                )),
            ],
            &[G::Shoulders, G::Seat],
        ),
    ),
    (
        &["barbell-back-squat"],
        side(
            &[
                bar_on_back(stand("standing tall, bar on the upper back")),
                bar_on_back(squat(
                    145.0,
                    78.0,
                    -24.0,
                    "squatting as deep as stays controlled",
                )),
            ],
            &[G::Shoulders],
        ),
    ),
    // Glutes
    (
        &["glute-bridge"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["single-leg-bridge"],
        at(
            70.0,
            side(
                &[
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
                &[G::Mat],
            ),
        ),
    ),
    (
        &["hip-thrust"],
        at(
            112.0,
            side(
                &[
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
                &[G::Bench, G::Chest],
            ),
        ),
    ),
    (
        &["single-leg-rdl"],
        side(
            &[
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
            &[G::NearHand],
        ),
    ),
    (
        &["reverse-lunge"],
        side(
            &[
                stand("standing tall"),
                Pose {
                    thigh: [78.0, -14.0],
                    shin: [-8.0, -84.0],
                    foot: [90.0, -10.0],
                    rests: &[Contact::NearFoot, Contact::FarFoot],
                    ..stand("stepped back into a lunge, back knee near the floor")
                },
            ],
            &[G::Hands],
        ),
    ),
    (
        &["lateral-band-walk"],
        front(
            &[
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
            &[G::KneeBand],
        ),
    ),
    (
        &["cable-kickback"],
        side(
            &[
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
            &[G::PullAnkle(150.0, 10.0)],
        ),
    ),
    // Core
    (
        &["brace-breathing"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["dead-bug"],
        at(
            70.0,
            side(
                &[
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
                &[G::Mat],
            ),
        ),
    ),
    (
        &["front-plank-knees"],
        side(
            &[
                plank(true, 6.0, "on forearms and knees, hips low"),
                plank(true, 0.0, "a straight line from knees to head, held"),
            ],
            &[G::Mat],
        ),
    ),
    (
        &["front-plank"],
        side(
            &[
                plank(false, 6.0, "on forearms and toes"),
                plank(false, 0.0, "a straight line from heels to head, held"),
            ],
            &[G::Mat],
        ),
    ),
    (
        &["ab-rollout"],
        side(
            &[
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
            &[G::Wheel, G::Mat],
        ),
    ),
    (
        &["sit-up"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["bird-dog"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["kneeling-pallof"],
        side(
            &[
                chest_arms(pallof_base(
                    true,
                    "hands at the chest, band pulling to the side",
                )),
                reach(
                    pallof_base(true, "arms pressed straight out, trunk not turning"),
                    90.0,
                ),
            ],
            &[G::Pull(20.0, 60.0)],
        ),
    ),
    (
        &["pallof-press"],
        side(
            &[
                chest_arms(pallof_base(
                    false,
                    "hands at the chest, band pulling to the side",
                )),
                reach(
                    pallof_base(false, "arms pressed straight out, trunk not turning"),
                    90.0,
                ),
            ],
            &[G::Pull(20.0, 78.0)],
        ),
    ),
    (
        &["russian-twist"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["side-plank-knees"],
        front(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["side-plank"],
        front(
            &[
                side_plank(
                    false,
                    false,
                    false,
                    "lying on the side on a forearm, legs long",
                ),
                side_plank(false, true, false, "hips lifted into a straight line, held"),
            ],
            &[G::Mat],
        ),
    ),
    (
        &["side-plank-leg-lift"],
        front(
            &[
                side_plank(false, true, false, "in a side plank"),
                side_plank(false, true, true, "the top leg lifted, hips held up"),
            ],
            &[G::Mat],
        ),
    ),
    // Carries: walking with the load held still.
    (&["bag-carry"], walking(&[G::Bags], &WALK)),
    (&["farmer-carry"], walking(&[G::Hands], &WALK)),
    (
        &["suitcase-carry"],
        walking(&[G::NearHand], &WALK_NEAR_HAND),
    ),
    (
        &["goblet-carry", "front-rack-carry"],
        walking(&[G::Chest], &WALK_CHEST),
    ),
    // Upper back
    (
        &["doorframe-row"],
        side(
            &[
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
            &[G::Frame],
        ),
    ),
    (
        &["band-row"],
        side(
            &[
                pulled(row_base(false, "elbows drawn back, chest tall"), 90.0),
                reach(row_base(false, "arms long, shoulders still down"), 90.0),
            ],
            &[G::Pull(150.0, 70.0)],
        ),
    ),
    (
        &["seated-cable-row"],
        side(
            &[
                pulled(row_base(true, "elbows drawn back, chest tall"), 90.0),
                reach(row_base(true, "arms long, shoulders still down"), 90.0),
            ],
            &[G::Pull(150.0, 22.0)],
        ),
    ),
    (
        &["one-arm-db-row"],
        side(
            &[
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
            &[G::NearHand],
        ),
    ),
    (
        &["lat-pulldown"],
        side(
            &[
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
            &[G::Pull(95.0, 118.0), G::Seat],
        ),
    ),
    (
        &["prone-y-raise"],
        at(
            58.0,
            side(
                &[
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
                &[G::Mat],
            ),
        ),
    ),
    (
        &["face-pull"],
        side(
            &[
                Pose {
                    upper: [-80.0, -84.0],
                    fore: [175.0, 172.0],
                    ..stand("hands pulled back beside the ears")
                },
                reach(stand("arms reaching to the anchor"), 100.0),
            ],
            &[G::Pull(150.0, 82.0)],
        ),
    ),
    (
        &["reverse-fly"],
        front(
            &[
                mirror(Pose {
                    upper: [90.0, -90.0],
                    fore: [90.0, -90.0],
                    ..fly_body(
                        true,
                        "bent forward at the hips, arms opened wide like wings",
                    )
                }),
                mirror(Pose {
                    upper: [-25.0, 25.0],
                    fore: [-10.0, 10.0],
                    ..fly_body(
                        true,
                        "bent forward, weights hanging together below the chest",
                    )
                }),
            ],
            &[G::Hands],
        ),
    ),
    (
        &["band-pull-apart"],
        front(
            &[
                mirror(Pose {
                    upper: [90.0, -90.0],
                    fore: [90.0, -90.0],
                    ..fly_body(false, "arms opened wide, band across the chest")
                }),
                mirror(Pose {
                    upper: [-25.0, 25.0],
                    fore: [-10.0, 10.0],
                    ..fly_body(false, "arms out in front, hands close together")
                }),
            ],
            &[G::BandHands],
        ),
    ),
    // Mobility
    (
        &["cat-camel"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["hip-flexor-stretch"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["ninety-ninety"],
        front(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["open-book"],
        front(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["thread-the-needle"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["ankle-rock"],
        at(
            100.0,
            side(
                &[
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
                &[G::Mat],
            ),
        ),
    ),
    (
        &["hamstring-floss"],
        side(
            &[
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
            &[G::Seat],
        ),
    ),
    (
        &["figure-four"],
        side(
            &[
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
            &[G::Mat],
        ),
    ),
    (
        &["easy-walk", "brisk-walk", "hill-walk"],
        walking(&[], &WALK),
    ),
];
